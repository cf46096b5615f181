import request from 'supertest';

import { ResponsesPage } from '@pulse/shared/schemas/responses';

import { signUpOwner, createApiKey } from '../../factories/accounts';
import { buildInvitation } from '../../factories/responses';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });

async function answered(org: string, score: number, confirm = true) {
  const inv = await buildInvitation({ org, secretKey: h.config.SECRET_KEY });
  if (confirm) await request(h.app).post(`/r/${inv.token}/confirm`).send({ score }).expect(200);
  else await request(h.app).get(`/r/${inv.token}?score=${score}`).expect(200);
  return inv;
}

describe('GET /api/v1/responses', () => {
  it('lists confirmed responses by band and survey in cursor pages; provisional ones only when asked; never another organisation’s', async () => {
    const owner = await signUpOwner(h.app);
    const other = await signUpOwner(h.app);
    const key = await createApiKey(owner, ['responses:read']);
    const a = await answered(owner.organisationId, 10);
    await answered(owner.organisationId, 2);
    await answered(owner.organisationId, 9);
    await answered(owner.organisationId, 5, false);
    await answered(other.organisationId, 10);

    const all = ResponsesPage.parse(
      (await request(h.app).get('/api/v1/responses').set(bearer(key.secret)).expect(200)).body,
    );
    expect(all.responses.map((r) => r.score).sort()).toEqual([10, 2, 9].sort());
    expect(all.responses.every((r) => r.state === 'confirmed')).toBe(true);

    const promoters = await request(h.app)
      .get('/api/v1/responses?band=promoter&limit=1')
      .set(bearer(key.secret))
      .expect(200);
    expect(promoters.body.responses).toHaveLength(1);
    const next = await request(h.app)
      .get(`/api/v1/responses?band=promoter&limit=1&cursor=${promoters.body.nextCursor}`)
      .set(bearer(key.secret))
      .expect(200);
    expect(next.body.responses).toHaveLength(1);
    expect(next.body.nextCursor).toBeNull();
    expect(
      new Set([...promoters.body.responses, ...next.body.responses].map((r: { score: number }) => r.score)),
    ).toEqual(new Set([9, 10]));

    const bySurvey = await request(h.app)
      .get(`/api/v1/responses?surveyId=${a.survey.id}`)
      .set(bearer(key.secret))
      .expect(200);
    expect(bySurvey.body.responses.map((r: { id: string }) => r.id)).toEqual([a.id]);

    const provisional = await request(h.app)
      .get('/api/v1/responses?state=provisional')
      .set(bearer(key.secret))
      .expect(200);
    expect(provisional.body.responses.map((r: { score: number }) => r.score)).toEqual([5]);
  });

  it('when the key lacks responses:read, then 403; when a filter is malformed, then 400 naming it', async () => {
    const owner = await signUpOwner(h.app);
    const key = await createApiKey(owner, ['interactions:write']);
    await request(h.app).get('/api/v1/responses').set(bearer(key.secret)).expect(403);
    const good = await createApiKey(owner, ['responses:read']);
    const bad = await request(h.app).get('/api/v1/responses?band=happy&cursor=x').set(bearer(good.secret)).expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['query.band', 'query.cursor']);
  });
});
