import request from 'supertest';

import { SegmentsResponse, VerbatimsResponse } from '@pulse/shared/schemas/analytics';

import { createApiKey, signUpOwner, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { buildInvitation } from '../../factories/responses';
import { buildSurvey, type BuiltSurvey } from '../../factories/surveys';
import { startHarness, type Harness } from '../../setup/harness';

jest.setTimeout(120_000);
let h: Harness;
let owner: Teammate;
let survey: BuiltSurvey;
const touchpoints: { id: string; key: string }[] = [];

/** A customer answers by the email link: score confirmed, then the reason as a comment. */
async function answer(score: number, comment: string, touchpoint: { id: string; key: string }, plan: string) {
  const inv = await buildInvitation({
    org: owner.organisationId,
    secretKey: h.config.SECRET_KEY,
    survey,
    touchpoint,
    attributes: { plan },
  });
  await request(h.app).post(`/r/${inv.token}/confirm`).send({ score }).expect(200);
  await request(h.app)
    .post(`/r/${inv.token}`)
    .type('form')
    .send({ step: 'answers', score: String(score), 'q.reason': comment })
    .expect(200);
}

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  survey = await buildSurvey({ org: owner });
  for (const key of ['checkout', 'delivery'])
    touchpoints.push(await buildTouchpoint({ org: owner, key, rules: { surveyId: survey.id } }));
  await answer(10, 'Lovely staff, fast checkout', touchpoints[0]!, 'pro');
  await answer(3, 'The parcel (box) arrived broken', touchpoints[1]!, 'free');
  await answer(2, '=HYPERLINK("http://evil.test","click")', touchpoints[1]!, 'free');
  await answer(9, 'Fast delivery, thanks', touchpoints[1]!, 'pro');
});
afterAll(() => h.close());

const list = async (query: Record<string, string | number>) =>
  VerbatimsResponse.parse((await owner.agent.get('/api/v1/metrics/verbatims').query(query).expect(200)).body);

describe('verbatims', () => {
  it('lists comments newest first with score, band, touchpoint and local day', async () => {
    const page = await list({});
    expect(page.verbatims.map((v) => v.score)).toEqual([9, 2, 3, 10]);
    expect(page.verbatims[0]).toMatchObject({
      band: 'promoter',
      touchpointId: touchpoints[1]!.id,
      touchpointKey: 'delivery',
      channel: 'email',
      comment: 'Fast delivery, thanks',
    });
    expect(page.verbatims[0]!.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page.nextCursor).toBeNull();
  });

  it('filters by band, touchpoint and literal text, and pages with a cursor', async () => {
    expect((await list({ band: 'detractor' })).verbatims.map((v) => v.score)).toEqual([2, 3]);
    expect((await list({ touchpointId: touchpoints[0]!.id })).verbatims.map((v) => v.score)).toEqual([10]);
    // Case-insensitive, and "(box)" is text, not a regular expression group.
    expect((await list({ q: 'PARCEL (BOX)' })).verbatims.map((v) => v.score)).toEqual([3]);
    expect((await list({ q: 'fast', band: 'promoter' })).verbatims.map((v) => v.score)).toEqual([9, 10]);
    const first = await list({ limit: 3 });
    expect(first.verbatims).toHaveLength(3);
    const second = await list({ limit: 3, cursor: first.nextCursor! });
    expect(second.verbatims.map((v) => v.score)).toEqual([10]);
    expect(second.nextCursor).toBeNull();
    // A period with no answers, and a touchpoint that is not an id, list nothing.
    expect((await list({ from: '2020-01-01', to: '2020-01-31' })).verbatims).toEqual([]);
    expect((await list({ touchpointId: '-' })).verbatims).toEqual([]);
  });

  it('answers 400 with the field path for a bad band or cursor', async () => {
    const bad = await owner.agent.get('/api/v1/metrics/verbatims?band=angry').expect(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'query.band' }] });
    await owner.agent.get('/api/v1/metrics/verbatims?cursor=nope').expect(400);
  });

  it('exports the current view as CSV with spreadsheet formulas neutralised, also with a responses:read key', async () => {
    const { secret } = await createApiKey(owner, ['responses:read']);
    const res = await request(h.app)
      .get(`/api/v1/metrics/verbatims/export?band=detractor`)
      .set('Authorization', `Bearer ${secret}`)
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const lines = res.text.trim().split('\n');
    expect(lines[0]).toBe('answered_at,local_day,score,band,touchpoint,channel,survey_id,comment');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(lines[2]).toContain('The parcel (box) arrived broken');
  });

  it('segments by a contact attribute as it was when they answered, saying how many responses it read', async () => {
    const res = SegmentsResponse.parse(
      (await owner.agent.get('/api/v1/metrics/segments?attribute=plan').expect(200)).body,
    );
    expect(res.scanned).toBe(4);
    expect(res.segments.map((s) => [s.value, s.figure.n, s.figure.bands])).toEqual([
      ['free', 2, { detractor: 2, passive: 0, promoter: 0 }],
      ['pro', 2, { detractor: 0, passive: 0, promoter: 2 }],
    ]);
  });
});
