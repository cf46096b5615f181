import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { signUpOwner, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { until } from '../../setup/until';
import { startReceiver } from './receiver';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_TIMEOUT_MS: '3000' });
  h.startWorker();
});
afterAll(() => h.close());
beforeEach(async () => {
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
});

describe('per-endpoint touchpoint filter', () => {
  it('when an endpoint filters by a touchpoint, then it gets only response and case events about it, and an unfiltered endpoint gets all', async () => {
    const filtered = await startReceiver();
    const everything = await startReceiver();
    try {
      const repair = await buildTouchpoint({ org: owner.organisationId });
      const billing = await buildTouchpoint({ org: owner.organisationId });
      const events = ['response.completed', 'case.created'];
      const created = await owner.agent
        .post('/api/v1/webhooks')
        .send({ url: filtered.url, events, touchpointIds: [repair.id] })
        .expect(201);
      expect(created.body.endpoint.touchpointIds).toEqual([repair.id]);
      await owner.agent.post('/api/v1/webhooks').send({ url: everything.url, events }).expect(201);

      const onRepair = await answerAsContact(ctx, 2, { touchpointId: repair.id });
      const onBilling = await answerAsContact(ctx, 3, { touchpointId: billing.id });
      for (const r of [onRepair, onBilling])
        await owner.agent.post('/api/v1/cases').send({ responseId: r.responseId }).expect(201);
      await h.eventsSettled();

      await until(
        async () => everything.received.length,
        (n) => n === 4,
      );
      // Every fan-out is done (the unfiltered endpoint got all four), so the log is complete.
      const log = await owner.agent.get(`/api/v1/webhooks/${created.body.endpoint.id}/deliveries`).expect(200);
      expect(log.body.deliveries).toHaveLength(2);
      await until(
        async () => filtered.received.length,
        (n) => n === 2,
      );
      const got = filtered.received.map((r) => `${r.json.type} ${r.json.data.responseId}`).sort();
      expect(got).toEqual([`case.created ${onRepair.responseId}`, `response.completed ${onRepair.responseId}`]);
    } finally {
      await Promise.all([filtered.close(), everything.close()]);
    }
  });

  it("when the filter names another organisation's touchpoint, then it answers 400 with the field path and stores nothing", async () => {
    const stranger = await signUpOwner(h.app);
    const theirs = await buildTouchpoint({ org: stranger.organisationId });
    const mine = await buildTouchpoint({ org: owner.organisationId });
    const res = await owner.agent
      .post('/api/v1/webhooks')
      .send({ url: 'http://127.0.0.1:9/hooks', events: ['response.completed'], touchpointIds: [mine.id, theirs.id] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'validation_failed',
      details: [{ path: 'body.touchpointIds.1', message: expect.any(String) }],
    });
    const listed = await owner.agent.get('/api/v1/webhooks').expect(200);
    expect(listed.body.endpoints).toHaveLength(0);

    const ok = await owner.agent
      .post('/api/v1/webhooks')
      .send({ url: 'http://127.0.0.1:9/hooks', events: ['response.completed'], touchpointIds: [mine.id] })
      .expect(201);
    const patch = await owner.agent
      .patch(`/api/v1/webhooks/${ok.body.endpoint.id}`)
      .send({ touchpointIds: [theirs.id] });
    expect(patch.status).toBe(400);
    const cleared = await owner.agent
      .patch(`/api/v1/webhooks/${ok.body.endpoint.id}`)
      .send({ touchpointIds: [] })
      .expect(200);
    expect(cleared.body.endpoint.touchpointIds).toEqual([]);
  });
});
