import { systemContext, type Ctx } from '../../../server/src/lib/context';
import type { JobContext } from '../../../server/src/lib/jobs';
import { AlertFiringModel } from '../../../server/src/modules/alerts/alert-firing.model';
import { DeliverChat } from '../../../server/src/modules/alerts/deliver-chat.job';
import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
import { checkAttributeTypes } from '../../../server/src/modules/contacts/contacts.service';
import { signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';
import { startReceiver } from '../webhooks/receiver';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;

// Local receivers: private addresses allowed here; bad-input.test.ts checks they are refused by default.
beforeAll(async () => {
  h = await startHarness(
    { WEBHOOK_ALLOW_PRIVATE: 'true' },
    { jobOptions: { attempts: 3, backoff: { type: 'fixed', delay: 100 } } },
  );
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  await checkAttributeTypes(ctx, [{ path: 'contact', attributes: { accountManagerEmail: 'x@example.test' } }]);
});
afterAll(() => h.close());

const rule = (overrides: object) => ({
  name: 'Detractors',
  groups: [[{ field: 'band', in: ['detractor'] }]],
  openCase: false,
  slaHours: 24,
  ...overrides,
});

/** A detractor whose contact's account manager is `manager` (as the contact is now). */
async function detractor(manager: unknown) {
  const r = await answerAsContact(ctx, 2);
  await ContactModel.updateOne(
    { _id: r.contact.id, organisationId: owner.organisationId },
    { $set: { 'attributes.accountManagerEmail': manager } },
  );
  return r;
}

const firingOf = (responseId: string) =>
  AlertFiringModel.findOne({ organisationId: owner.organisationId, responseId }).lean();

describe('alert channels', () => {
  it('when the contact attribute holds an address, then it is mailed; when it does not, then the firing says "skipped: no address"', async () => {
    const created = await owner.agent
      .post('/api/v1/alert-rules')
      .send(rule({ channels: { attributeEmail: 'accountManagerEmail' } }))
      .expect(201);
    const ruleId = created.body.rule.id as string;
    expect(created.body.rule.channels).toMatchObject({ attributeEmail: 'accountManagerEmail', chatUrl: null });

    const manager = uniqueEmail('account-manager');
    const withManager = await detractor(manager);
    await h.eventsSettled();
    const [mail] = await waitForMail(manager);
    expect(mail!.subject).toContain('Detractors');
    expect(await firingOf(withManager.responseId)).toMatchObject({
      attributeEmail: { state: 'sent', detail: manager },
    });

    const without = await detractor('not an address');
    await h.eventsSettled();
    const res = await owner.agent.get(`/api/v1/alert-rules/${ruleId}/firings`).expect(200);
    const shown = (res.body.firings as Array<{ responseId: string; attributeEmail: unknown }>).find(
      (f) => f.responseId === without.responseId,
    );
    expect(shown?.attributeEmail).toEqual({ state: 'skipped', detail: 'skipped: no address' });
    await owner.agent.delete(`/api/v1/alert-rules/${ruleId}`).expect(204);
  });

  it('when a rule has a chat URL and the receiver first answers 500, then one { text } message arrives with score, comment, touchpoint and link', async () => {
    const receiver = await startReceiver((_r, n) => ({ status: n === 1 ? 500 : 200 }));
    try {
      const created = await owner.agent
        .post('/api/v1/alert-rules')
        .send(rule({ name: 'Chat me', channels: { chatUrl: receiver.url } }))
        .expect(201);
      const r = await answerAsContact(ctx, 1);
      await r.comment('Nobody came');
      await h.eventsSettled();
      const firing = await firingOf(r.responseId);
      const job = await h.jobs.queues.webhooks.getJob(`alert-chat-${String(firing!._id)}`);
      await h.jobFinished(job!);

      expect(receiver.received).toHaveLength(2);
      const bodies = receiver.received.map((m) => m.json as unknown as { text: string });
      expect(Object.keys(bodies[1]!)).toEqual(['text']);
      expect(bodies[1]!.text).toContain('Chat me');
      expect(bodies[1]!.text).toContain('score 1 (detractor) at repair_visit');
      expect(bodies[1]!.text).toContain('“Nobody came”');
      expect(bodies[1]!.text).toMatch(/Open in Pulse: http\S+\/cases/);
      expect((await firingOf(r.responseId))!.chat).toEqual({ state: 'delivered', detail: 'HTTP 200' });

      // The job run again (a redelivered event, a retry after a lost 200): nothing is posted twice.
      const firingId = String(firing!._id);
      await DeliverChat.run({ organisationId: owner.organisationId, firingId }, { log: h.log } as JobContext);
      expect(receiver.received).toHaveLength(2);
      await owner.agent.delete(`/api/v1/alert-rules/${created.body.rule.id}`).expect(204);
    } finally {
      await receiver.close();
    }
  });
});
