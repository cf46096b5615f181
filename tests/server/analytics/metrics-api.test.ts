import http from 'node:http';
import type { AddressInfo } from 'node:net';

import request from 'supertest';

import { figureOf } from '@pulse/shared/metrics/figures';
import { ChannelsResponse, SummaryResponse, TrendResponse } from '@pulse/shared/schemas/analytics';

import { systemContext } from '../../../server/src/lib/context';
import { recordObservation } from '../../../server/src/modules/analytics/analytics.live';
import type { Observation } from '../../../server/src/modules/analytics/rollup-keys';
import { applyScoreChange } from '../../../server/src/modules/analytics/rollups.service';
import { createApiKey, signUpOwner, type Teammate } from '../../factories/accounts';
import { buildObservation } from '../../factories/observations';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const ctxOf = (owner: Teammate) => systemContext({ organisationId: owner.organisationId, log: h.log });

/** `count` answers of `score` on a day, through the write-time path. */
async function answers(owner: Teammate, count: number, score: number, overrides: Partial<Observation>) {
  for (let i = 0; i < count; i++) await applyScoreChange(ctxOf(owner), buildObservation({ score, ...overrides }));
}

describe('GET /api/v1/metrics', () => {
  it('answers the figure over the period with n, interval and bands, and flags a significant change only', async () => {
    const owner = await signUpOwner(h.app);
    const march = { answeredAt: new Date('2026-03-10T12:00:00Z') };
    const february = { answeredAt: new Date('2026-02-10T12:00:00Z') };
    await answers(owner, 12, 10, march);
    await answers(owner, 3, 0, march);
    await answers(owner, 4, 10, february);
    await answers(owner, 12, 2, february);

    const res = await owner.agent.get('/api/v1/metrics?from=2026-03-01&to=2026-03-31').expect(200);
    const body = SummaryResponse.parse(res.body);
    const { kind: _k, scale: _s, ...expected } = figureOf('nps', { min: 0, max: 10 }, { 10: 12, 0: 3 });
    expect(body.figure).toEqual(expected);
    expect(body).toMatchObject({ kind: 'nps', timeZone: 'UTC', period: { from: '2026-03-01', to: '2026-03-31' } });
    expect(body.figure).toMatchObject({ n: 15, score: 60, bands: { promoter: 12, passive: 0, detractor: 3 } });
    expect(body.previous).toMatchObject({ from: '2026-01-29', to: '2026-02-28', figure: { n: 16, score: -50 } });
    expect(body.change).toMatchObject({ significant: true, direction: 'up' });
    expect(body.change.difference).toBeCloseTo(110, 10);

    // Same month, too few answers the month before: no verdict, and the thin period shows no score.
    const thin = SummaryResponse.parse(
      (await owner.agent.get('/api/v1/metrics?from=2026-03-10&to=2026-03-10').expect(200)).body,
    );
    expect(thin.previous.figure).toMatchObject({ n: 0, enough: false, score: null });
    expect(thin.change.significant).toBe(false);
  });

  it('serves the same read to an API key scoped responses:read, and refuses other keys', async () => {
    const owner = await signUpOwner(h.app);
    await answers(owner, 10, 9, { answeredAt: new Date('2026-03-10T12:00:00Z') });
    const reader = await createApiKey(owner, ['responses:read']);
    const other = await createApiKey(owner, ['surveys:read']);
    const res = await request(h.app)
      .get('/api/v1/metrics?from=2026-03-01&to=2026-03-31')
      .set('Authorization', `Bearer ${reader.secret}`)
      .expect(200);
    expect(res.body.figure).toMatchObject({ n: 10, score: 100 });
    const refused = await request(h.app)
      .get('/api/v1/metrics')
      .set('Authorization', `Bearer ${other.secret}`)
      .expect(403);
    expect(refused.body.error.code).toBe('forbidden');
  });

  it("never shows another organisation's answers", async () => {
    const owner = await signUpOwner(h.app);
    const stranger = await signUpOwner(h.app);
    await answers(owner, 10, 9, { answeredAt: new Date('2026-03-10T12:00:00Z') });
    const res = await stranger.agent.get('/api/v1/metrics?from=2026-03-01&to=2026-03-31').expect(200);
    expect(res.body.figure).toMatchObject({ n: 0, enough: false });
  });

  it.each([
    ['from=2026-03-10&to=2026-03-01', 'query.from'],
    ['from=2020-01-01&to=2026-03-01', 'query.from'],
    ['from=2026-3-1', 'query.from'],
    ['kind=ltr', 'query.kind'],
    ['colour=blue', 'query'],
  ])('when the query is %s, then it answers 400 naming %s', async (qs, path) => {
    const owner = await signUpOwner(h.app);
    const res = await owner.agent.get(`/api/v1/metrics?${qs}`).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details[0].path).toBe(path);
  });

  it('when surveys on different scales are mixed, then it asks for one survey', async () => {
    const owner = await signUpOwner(h.app);
    await answers(owner, 1, 5, { kind: 'csat', scale: { min: 1, max: 5 }, surveyId: 'five' });
    await answers(owner, 1, 3, { kind: 'csat', scale: { min: 1, max: 3 }, surveyId: 'three' });
    const res = await owner.agent.get('/api/v1/metrics?kind=csat').expect(400);
    expect(res.body.error.details).toEqual([
      { path: 'query.surveyId', message: expect.stringContaining('different scales') },
    ]);
    await owner.agent.get('/api/v1/metrics?kind=csat&surveyId=five').expect(200);
  });
});

describe('GET /api/v1/metrics/trend', () => {
  it('buckets by ISO week in the reporting zone, the week spanning the new year included', async () => {
    const owner = await signUpOwner(h.app);
    await owner.agent.patch('/api/v1/organisation').send({ timeZone: 'Asia/Kolkata' }).expect(200);
    // 18:45 UTC on 31 Dec is 1 January in Kolkata, still ISO week 2026-W53.
    await answers(owner, 2, 10, { answeredAt: new Date('2026-12-31T18:45:00Z') });
    await answers(owner, 1, 0, { answeredAt: new Date('2027-01-04T00:00:00Z') });
    const res = await owner.agent
      .get('/api/v1/metrics/trend?granularity=week&from=2026-12-21&to=2027-01-10')
      .expect(200);
    const body = TrendResponse.parse(res.body);
    expect(body.points.map((p) => [p.bucket, p.from, p.to, p.figure.n])).toEqual([
      ['2026-W52', '2026-12-21', '2026-12-27', 0],
      ['2026-W53', '2026-12-28', '2027-01-03', 2],
      ['2027-W01', '2027-01-04', '2027-01-10', 1],
    ]);
  });
});

describe('breakdowns', () => {
  it('by touchpoint, with each group’s own change', async () => {
    const owner = await signUpOwner(h.app);
    const at = { answeredAt: new Date('2026-03-10T12:00:00Z') };
    await answers(owner, 10, 10, { ...at, touchpointId: 'delivery' });
    await answers(owner, 10, 3, { ...at, touchpointId: 'support' });
    const res = await owner.agent
      .get('/api/v1/metrics/breakdown?by=touchpoint&from=2026-03-01&to=2026-03-31')
      .expect(200);
    expect(res.body.groups.map((g: { key: string; figure: { score: number } }) => [g.key, g.figure.score])).toEqual([
      ['delivery', 100],
      ['support', -100],
    ]);
  });

  it('channel consistency flags a gap only when it is significant', async () => {
    const owner = await signUpOwner(h.app);
    const at = { answeredAt: new Date('2026-03-10T12:00:00Z') };
    await answers(owner, 15, 10, { ...at, touchpointId: 'delivery', channel: 'email' });
    await answers(owner, 15, 1, { ...at, touchpointId: 'delivery', channel: 'web' });
    await answers(owner, 6, 10, { ...at, touchpointId: 'support', channel: 'email' });
    await answers(owner, 5, 0, { ...at, touchpointId: 'support', channel: 'email' });
    await answers(owner, 5, 10, { ...at, touchpointId: 'support', channel: 'web' });
    await answers(owner, 5, 0, { ...at, touchpointId: 'support', channel: 'web' });
    const res = await owner.agent.get('/api/v1/metrics/channels?from=2026-03-01&to=2026-03-31').expect(200);
    const body = ChannelsResponse.parse(res.body);
    expect(body.touchpoints.map((t) => [t.touchpointId, t.gap.significant, t.gap.best, t.gap.worst])).toEqual([
      ['delivery', true, 'email', 'web'],
      ['support', false, 'email', 'web'],
    ]);
  });

  it('the heatmap has one row per touchpoint and one cell per month', async () => {
    const owner = await signUpOwner(h.app);
    await answers(owner, 1, 9, { answeredAt: new Date('2026-02-10T12:00:00Z'), touchpointId: 'delivery' });
    const res = await owner.agent.get('/api/v1/metrics/heatmap?from=2026-01-01&to=2026-03-31').expect(200);
    expect(res.body.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(res.body.rows).toEqual([
      {
        touchpointId: 'delivery',
        cells: [
          expect.objectContaining({ month: '2026-01' }),
          expect.objectContaining({ month: '2026-02', figure: expect.objectContaining({ n: 1 }) }),
          expect.objectContaining({ month: '2026-03' }),
        ],
      },
    ]);
  });
});

describe('GET /api/v1/metrics/live', () => {
  it('streams a rollup event when a response changes a figure, and nothing for a replay', async () => {
    const owner = await signUpOwner(h.app);
    const server = http.createServer(h.app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const login = await request(h.app)
      .post('/api/v1/auth/login')
      .send({ email: owner.email, password: owner.password })
      .expect(200);
    const jar = login.headers['set-cookie']![0]!.split(';')[0]!;

    const received: string[] = [];
    const connected = new Promise<http.IncomingMessage>((resolve) =>
      http.get({ host: '127.0.0.1', port, path: '/api/v1/metrics/live', headers: { cookie: jar } }, resolve),
    );
    const stream = await connected;
    expect(stream.statusCode).toBe(200);
    const event = new Promise<string>((resolve) =>
      stream.on('data', (chunk: Buffer) => {
        received.push(chunk.toString());
        const text = received.join('');
        if (text.includes('event: rollup')) resolve(text);
      }),
    );
    await new Promise<void>((resolve) => stream.once('data', () => resolve())); // ": connected"

    const o = buildObservation({ score: 9, touchpointId: 'delivery', answeredAt: new Date('2026-03-10T12:00:00Z') });
    expect(
      await recordObservation(systemContext({ organisationId: owner.organisationId, log: h.log }), h.redis, o),
    ).toBe(true);
    expect(
      await recordObservation(systemContext({ organisationId: owner.organisationId, log: h.log }), h.redis, o),
    ).toBe(false);
    const text = await event;
    expect(text).toContain(
      `data: ${JSON.stringify({ surveyId: 'survey-a', touchpointId: 'delivery', channel: 'email', day: '2026-03-10' })}`,
    );
    stream.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
});
