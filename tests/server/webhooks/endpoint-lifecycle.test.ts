import { Types } from 'mongoose';
import request from 'supertest';

import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { WebhookDeliveryModel } from '../../../server/src/modules/webhooks/webhook-delivery.model';
import { WebhookEndpointModel } from '../../../server/src/modules/webhooks/webhook-endpoint.model';
import { endpointsChanged } from '../../../server/src/modules/webhooks/webhooks.directory';
import { signUpOwner, type Teammate } from '../../factories/accounts';
import { buildInvitation } from '../../factories/responses';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';
import { until } from '../../setup/until';
import { IN_FLIGHT_PER_ENDPOINT } from '../../../server/src/modules/webhooks/webhooks.lanes';
import { startReceiver, verifyStandardWebhook } from './receiver';

let h: Harness;
let owner: Teammate;

beforeAll(async () => {
  h = await startHarness({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_TIMEOUT_MS: '3000' });
  h.startWorker();
});
afterAll(() => h.close());
beforeEach(async () => {
  owner = await signUpOwner(h.app);
});

async function addEndpoint(url: string, events: string[]) {
  const res = await owner.agent.post('/api/v1/webhooks').send({ url, events }).expect(201);
  return res.body as { endpoint: { id: string }; secret: string };
}

const DAY = 86_400_000;
const endpointOf = (id: string) =>
  owner.agent
    .get(`/api/v1/webhooks/${id}`)
    .expect(200)
    .then((r) => r.body.endpoint);
const stored = (id: string) => WebhookEndpointModel.findOne({ _id: id, organisationId: owner.organisationId }).lean();
/** Moves time by writing the endpoint directly, then tells the workers' copies, as the service does. */
async function rewrite(id: string, set: Record<string, unknown>) {
  await WebhookEndpointModel.updateOne({ _id: id, organisationId: owner.organisationId }, { $set: set });
  await endpointsChanged(owner.organisationId);
}

describe('a hanging receiver', () => {
  it('when a receiver hangs on many messages, then it holds at most its lanes and another endpoint still gets its message', async () => {
    const hanging = await startReceiver(() => 'hang');
    const fast = await startReceiver();
    try {
      const slow = await addEndpoint(hanging.url, ['response.created']);
      const quick = await addEndpoint(fast.url, ['response.created']);
      for (let i = 0; i < 3 * IN_FLIGHT_PER_ENDPOINT; i++)
        await owner.agent.post(`/api/v1/webhooks/${slow.endpoint.id}/test`).expect(202);
      await until(
        async () => hanging.received.length,
        (n) => n === IN_FLIGHT_PER_ENDPOINT,
      );
      await owner.agent.post(`/api/v1/webhooks/${quick.endpoint.id}/test`).expect(202);
      await until(
        async () => fast.received.length,
        (n) => n === 1,
      );
      const open = hanging.hanging.filter((res) => !res.socket?.destroyed).length;
      expect(open).toBeLessThanOrEqual(IN_FLIGHT_PER_ENDPOINT);
    } finally {
      await Promise.all([hanging.close(), fast.close()]);
    }
  });
});

describe('secret rotation', () => {
  it('when the secret is rotated, then for the grace period each message verifies with either secret, and after it only with the new one', async () => {
    const receiver = await startReceiver();
    try {
      const { endpoint, secret: old } = await addEndpoint(receiver.url, ['response.created']);
      const rotated = await owner.agent.post(`/api/v1/webhooks/${endpoint.id}/rotate-secret`).expect(200);
      const fresh = rotated.body.secret as string;
      expect(fresh).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
      expect(fresh).not.toBe(old);
      expect(rotated.body.endpoint.previousSecretExpiresAt).not.toBeNull();
      const listed = await owner.agent.get('/api/v1/webhooks').expect(200);
      expect(JSON.stringify(listed.body)).not.toContain(fresh.slice(6));

      await owner.agent.post(`/api/v1/webhooks/${endpoint.id}/test`).expect(202);
      await until(
        async () => receiver.received.length,
        (n) => n === 1,
      );
      const during = receiver.received[0]!;
      expect(during.headers['webhook-signature']!.split(' ')).toHaveLength(2);
      expect(verifyStandardWebhook(old, during.headers, during.body)).toBe(true);
      expect(verifyStandardWebhook(fresh, during.headers, during.body)).toBe(true);

      // The grace period is over (time moved by writing the deadline into the past).
      await rewrite(endpoint.id, { previousSecretUntil: new Date(Date.now() - 1000) });
      await owner.agent.post(`/api/v1/webhooks/${endpoint.id}/test`).expect(202);
      await until(
        async () => receiver.received.length,
        (n) => n === 2,
      );
      const after = receiver.received[1]!;
      expect(after.headers['webhook-signature']!.split(' ')).toHaveLength(1);
      expect(verifyStandardWebhook(fresh, after.headers, after.body)).toBe(true);
      expect(verifyStandardWebhook(old, after.headers, after.body)).toBe(false);
      expect((await endpointOf(endpoint.id)).previousSecretExpiresAt).toBeNull();
    } finally {
      await receiver.close();
    }
  });
});

describe('failing for days', () => {
  it('when every delivery failed for under three days, then the endpoint stays enabled with its streak recorded', async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    try {
      const { endpoint } = await addEndpoint(receiver.url, ['response.created']);
      await owner.agent.post(`/api/v1/webhooks/${endpoint.id}/test`).expect(202);
      await until(
        () => stored(endpoint.id),
        (e) => e?.failingSince != null,
      );
      await rewrite(endpoint.id, { failingSince: new Date(Date.now() - 2 * DAY) });
      await owner.agent.post(`/api/v1/webhooks/${endpoint.id}/test`).expect(202);
      await until(
        async () => receiver.received.length,
        (n) => n >= 3,
      );
      expect(await endpointOf(endpoint.id)).toMatchObject({ enabled: true, disabledReason: null });
    } finally {
      await receiver.close();
    }
  });

  it('when every delivery failed for three days, then the endpoint is disabled with the reason and the owner is mailed once', async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    try {
      const { endpoint } = await addEndpoint(receiver.url, ['response.created']);
      await rewrite(endpoint.id, { failingSince: new Date(Date.now() - 3 * DAY - 60_000) });
      // Two failing messages at once: both see the streak expire.
      await Promise.all([
        owner.agent.post(`/api/v1/webhooks/${endpoint.id}/test`).expect(202),
        owner.agent.post(`/api/v1/webhooks/${endpoint.id}/test`).expect(202),
      ]);
      // The owner's first mail confirmed their address; the second is this one.
      const mails = await waitForMail(owner.email, 2);
      expect(mails.map((m) => m.subject)).toContain(`Webhook endpoint disabled: ${receiver.url}`);
      const disabled = await endpointOf(endpoint.id);
      expect(disabled).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('3+ days') });
      await until(
        () =>
          owner.agent
            .get(`/api/v1/webhooks/${endpoint.id}/deliveries`)
            .expect(200)
            .then((r) => r.body.deliveries as Array<{ state: string }>),
        (ds) => ds.length === 2 && ds.every((d) => d.state === 'failed'),
      );
      const stored = await EmailModel.countDocuments({
        organisationId: owner.organisationId,
        kind: 'webhook.disabled',
      });
      expect(stored).toBe(1);
    } finally {
      await receiver.close();
    }
  });

  it('when a delivery succeeds, then the failing streak ends', async () => {
    const receiver = await startReceiver();
    try {
      const { endpoint } = await addEndpoint(receiver.url, ['response.created']);
      await rewrite(endpoint.id, { failingSince: new Date(Date.now() - 2 * DAY) });
      await owner.agent.post(`/api/v1/webhooks/${endpoint.id}/test`).expect(202);
      await until(
        () => stored(endpoint.id),
        (e) => e?.failingSince === null,
      );
    } finally {
      await receiver.close();
    }
  });
});

describe('contact.unsubscribed', () => {
  it('when a contact unsubscribes from a survey email, then subscribed endpoints get one contact.unsubscribed message', async () => {
    const receiver = await startReceiver();
    try {
      await addEndpoint(receiver.url, ['contact.unsubscribed']);
      const invitation = await buildInvitation({ org: owner.organisationId, secretKey: h.config.SECRET_KEY });
      await request(h.app).post(`/u/${invitation.token}`).type('form').send({}).expect(200);
      await request(h.app).post(`/u/${invitation.token}`).type('form').send({}).expect(200);
      await h.eventsSettled();
      await until(
        async () => receiver.received.length,
        (n) => n === 1,
      );
      expect(receiver.received[0]!.json).toMatchObject({
        type: 'contact.unsubscribed',
        data: { contactId: invitation.contact.id },
      });
    } finally {
      await receiver.close();
    }
  });
});

describe('recover since', () => {
  it('when an endpoint is enabled again after a 410, then "recover since" resends the failed deliveries made since the date, and no older ones', async () => {
    let gone = true;
    const receiver = await startReceiver(() => ({ status: gone ? 410 : 200 }));
    try {
      const { endpoint } = await addEndpoint(receiver.url, ['response.created']);
      await owner.agent.post(`/api/v1/webhooks/${endpoint.id}/test`).expect(202);
      await until(
        () => endpointOf(endpoint.id),
        (e) => e.enabled === false,
      );
      // A failure from long before the date asked for.
      await WebhookDeliveryModel.collection.insertOne({
        _id: new Types.ObjectId(),
        organisationId: new Types.ObjectId(owner.organisationId),
        endpointId: new Types.ObjectId(endpoint.id),
        messageId: 'msg_old',
        eventType: 'webhook.test',
        body: '{"type":"webhook.test","old":true}',
        state: 'failed',
        attempts: 8,
        round: 0,
        createdAt: new Date(Date.now() - 10 * DAY),
        updatedAt: new Date(Date.now() - 10 * DAY),
      });
      gone = false;
      await owner.agent.patch(`/api/v1/webhooks/${endpoint.id}`).send({ enabled: true }).expect(200);
      const since = new Date(Date.now() - DAY).toISOString();
      const res = await owner.agent.post(`/api/v1/webhooks/${endpoint.id}/recover`).send({ since }).expect(202);
      expect(res.body).toEqual({ resent: 1 });
      await until(
        async () => receiver.received.length,
        (n) => n === 2,
      );
      expect(receiver.received[1]!.headers['webhook-id']).toBe(receiver.received[0]!.headers['webhook-id']);
      expect(receiver.received.some((r) => r.headers['webhook-id'] === 'msg_old')).toBe(false);
    } finally {
      await receiver.close();
    }
  });

  it('when the date is not a date, then it answers 400 with the field path', async () => {
    const { endpoint } = await addEndpoint('http://127.0.0.1:9/hooks', ['response.created']);
    const res = await owner.agent.post(`/api/v1/webhooks/${endpoint.id}/recover`).send({ since: 'yesterday' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.details)).toContain('since');
  });
});
