import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { DomainEventModel } from '../../../server/src/lib/events/event.model';
import { fanOutWebhooks } from '../../../server/src/modules/webhooks/webhooks.events';
import { WebhookDeliveryModel } from '../../../server/src/modules/webhooks/webhook-delivery.model';
import { signUpOwner, type Teammate } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { until } from '../../setup/until';
import { freePort, startReceiver, verifyStandardWebhook } from './receiver';

let h: Harness;
let ctx: Ctx;
let owner: Teammate;

beforeAll(async () => {
  h = await startHarness({
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_RETRY_BASE_MS: '20',
    WEBHOOK_TIMEOUT_MS: '3000',
  });
  h.startWorker();
});
afterAll(() => h.close());

// Each test has its own organisation, so one test's endpoints never receive another's events.
beforeEach(async () => {
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
});

async function addEndpoint(url: string, events: string[]) {
  const res = await owner.agent.post('/api/v1/webhooks').send({ url, events }).expect(201);
  return res.body as { endpoint: { id: string }; secret: string };
}

const deliveries = (endpointId: string) =>
  owner.agent
    .get(`/api/v1/webhooks/${endpointId}/deliveries`)
    .expect(200)
    .then((r) => r.body.deliveries as Array<{ state: string; attempts: number; lastStatus: number | null }>);

describe('Standard Webhooks delivery', () => {
  it('when a test message is sent, then the spec-only receiver verifies it, and a flipped byte fails', async () => {
    const receiver = await startReceiver();
    try {
      const { endpoint, secret } = await addEndpoint(receiver.url, ['response.completed']);
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      // The secret is shown once: never in a listing.
      const listed = await owner.agent.get('/api/v1/webhooks').expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(secret.slice(6));

      await owner.agent.post(`/api/v1/webhooks/${endpoint.id}/test`).expect(202);
      await until(
        async () => receiver.received.length,
        (n) => n === 1,
      );
      const [got] = receiver.received;
      expect(got!.json).toMatchObject({ type: 'webhook.test', data: { endpointId: endpoint.id } });
      expect(got!.headers['webhook-id']).toMatch(/^msg_/);
      expect(verifyStandardWebhook(secret, got!.headers, got!.body)).toBe(true);

      const flipped = Buffer.from(got!.body);
      flipped[10] = flipped[10]! ^ 0x01;
      expect(verifyStandardWebhook(secret, got!.headers, flipped)).toBe(false);
      const sig = got!.headers['webhook-signature']!;
      const badSig = sig.slice(0, 5) + (sig[5] === 'A' ? 'B' : 'A') + sig.slice(6);
      expect(verifyStandardWebhook(secret, { ...got!.headers, 'webhook-signature': badSig }, got!.body)).toBe(false);
      expect(
        verifyStandardWebhook('whsec_' + Buffer.from('another key').toString('base64'), got!.headers, got!.body),
      ).toBe(false);
    } finally {
      await receiver.close();
    }
  });

  it('when the receiver is down for a while, then every event arrives once it is back, each once', async () => {
    const port = await freePort();
    const { endpoint, secret } = await addEndpoint(`http://127.0.0.1:${port}/hooks`, ['response.completed']);
    const answers = [];
    for (const score of [2, 6, 9]) answers.push(await answerAsContact(ctx, score));
    await h.eventsSettled();
    // Each delivery has failed at least once against the closed port.
    await until(
      () => deliveries(endpoint.id),
      (ds) => ds.length === 3 && ds.every((d) => d.attempts >= 1 && d.state === 'pending'),
    );

    const receiver = await startReceiver(undefined, port);
    try {
      await until(
        () => deliveries(endpoint.id),
        (ds) => ds.every((d) => d.state === 'delivered'),
        20_000,
      );
      const ids = receiver.received.map((r) => r.json.data.responseId).sort();
      expect(ids).toEqual(answers.map((a) => a.responseId).sort());
      expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(3);
      expect(receiver.received.every((r) => verifyStandardWebhook(secret, r.headers, r.body))).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('when the same event is dispatched again, then the receiver gets one message', async () => {
    const receiver = await startReceiver();
    try {
      const { endpoint } = await addEndpoint(receiver.url, ['response.created']);
      const r = await answerAsContact(ctx, 4);
      await h.eventsSettled();
      const [created] = (
        await DomainEventModel.find({ organisationId: owner.organisationId, type: 'response.created' }).lean()
      ).filter((e) => (e.data as { responseId: string }).responseId === r.responseId);
      await fanOutWebhooks.handle(created!, { log: h.log });
      await until(
        () => deliveries(endpoint.id),
        (ds) => ds.length === 1 && ds[0]!.state === 'delivered',
      );
      // The fan-out run again after its message was delivered: the insert meets its duplicate key.
      await fanOutWebhooks.handle(created!, { log: h.log });
      expect(await WebhookDeliveryModel.countDocuments({ organisationId: owner.organisationId })).toBe(1);
      await until(
        () => h.jobs.queues.webhooks.getJobCounts('waiting', 'active', 'delayed'),
        (c) => c.waiting + c.active + c.delayed === 0,
      );
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('when the receiver answers 410 Gone, then the endpoint is disabled and later events are not sent', async () => {
    const receiver = await startReceiver(() => ({ status: 410 }));
    try {
      const { endpoint } = await addEndpoint(receiver.url, ['response.completed']);
      await answerAsContact(ctx, 3);
      await h.eventsSettled();
      await until(
        () => deliveries(endpoint.id),
        (ds) => ds.length === 1 && ds[0]!.state === 'failed',
      );
      const after = await owner.agent.get(`/api/v1/webhooks/${endpoint.id}`).expect(200);
      expect(after.body.endpoint).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
      await answerAsContact(ctx, 8);
      await h.eventsSettled();
      expect(await deliveries(endpoint.id)).toHaveLength(1);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('when the receiver answers 429 with Retry-After, then the next attempt waits at least that long', async () => {
    const receiver = await startReceiver((_r, n) =>
      n === 1 ? { status: 429, headers: { 'Retry-After': '1' } } : { status: 200 },
    );
    try {
      const { endpoint } = await addEndpoint(receiver.url, ['response.completed']);
      await answerAsContact(ctx, 5);
      await h.eventsSettled();
      await until(
        () => deliveries(endpoint.id),
        (ds) => ds[0]?.state === 'delivered',
      );
      expect(receiver.received).toHaveLength(2);
      const [first, second] = receiver.received.map((r) => Number(r.headers['webhook-timestamp']));
      expect(second! - first!).toBeGreaterThanOrEqual(1);
      expect(receiver.received[0]!.headers['webhook-id']).toBe(receiver.received[1]!.headers['webhook-id']);
    } finally {
      await receiver.close();
    }
  });

  it('when receivers hang or answer 500, then responses are recorded and their events settle without waiting for them', async () => {
    const hanging = await startReceiver(() => 'hang');
    const failing = await startReceiver(() => ({ status: 500 }));
    try {
      await addEndpoint(hanging.url, ['response.created', 'response.completed']);
      await addEndpoint(failing.url, ['response.created', 'response.completed']);
      for (let i = 0; i < 5; i++) await answerAsContact(ctx, i);
      await h.eventsSettled();
      // The hanging receiver still holds its requests while every event is settled: the response
      // path and the event dispatch never waited for it.
      await until(
        async () => hanging.hanging.length,
        (n) => n >= 1,
      );
      expect(hanging.hanging.length).toBeGreaterThanOrEqual(1);
      expect(await DomainEventModel.countDocuments({ organisationId: owner.organisationId, settled: false })).toBe(0);
      expect(hanging.hanging.every((res) => !res.writableEnded)).toBe(true);
    } finally {
      await hanging.close();
      await failing.close();
    }
  });
});
