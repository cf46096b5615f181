import { freePort } from '../../../scripts/lib/services';
import { CLAIM_TIMEOUT_MS, SendEmail } from '../../../server/src/modules/mail/send-email.job';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { sendSystemEmail } from '../../../server/src/modules/mail/mail.service';
import { publicCtx } from '../../factories/context';
import { OutboxResponse } from '@pulse/shared/schemas/outbox';

import { inviteTeammate, signUpOwner, uniqueEmail } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';

// Three quick attempts instead of eight over four minutes; everything else as in production.
let h: Harness;
beforeAll(
  async () => (h = await startHarness({}, { jobOptions: { attempts: 3, backoff: { type: 'fixed', delay: 20 } } })),
);
afterAll(() => h.close());

const mail = (to: string) => ({ to, subject: 'Job check', text: 'Hello.' });
const stored = (to: string) => ({ ...mail(to), from: 'Pulse <pulse@example.test>', kind: 'test.job' });
const jobOf = async (emailId: string) => (await h.jobs.queues.transactional.getJob(`mail.send-${emailId}`))!;

describe('the mail job', () => {
  it('when SMTP refuses every attempt, then the email ends failed with the last error after exactly 3 attempts, and the outbox shows it', async () => {
    // A port nothing listens on: every connection is refused.
    const broken = h.startWorker({ smtpUrl: `smtp://127.0.0.1:${await freePort()}` });
    const { emailId } = await sendSystemEmail(publicCtx(), mail(uniqueEmail('unreachable')), { kind: 'test.job' });
    await expect(h.jobFinished(await jobOf(emailId))).rejects.toThrow(/ECONNREFUSED/);
    const email = await EmailModel.findById(emailId).setOptions({ crossTenant: true }).lean();
    expect(email).toMatchObject({ state: 'failed', attempts: 3 });
    expect(email!.lastError).toMatch(/ECONNREFUSED/);

    // An invitation that could never be sent: its owner sees it failed, and why, in the outbox.
    const owner = await signUpOwner(h.app);
    await inviteTeammate(owner, 'viewer');
    const [invitation] = OutboxResponse.parse((await owner.agent.get('/api/v1/outbox').expect(200)).body).messages;
    await expect(h.jobFinished(await jobOf(invitation!.id))).rejects.toThrow(/ECONNREFUSED/);
    const [shown] = OutboxResponse.parse((await owner.agent.get('/api/v1/outbox').expect(200)).body).messages;
    expect(shown).toMatchObject({ id: invitation!.id, kind: 'member.invitation', state: 'failed' });
    expect(shown!.lastError).toMatch(/ECONNREFUSED/);
    await broken.close();
  });
});

describe('the mail job with a working SMTP server', () => {
  beforeAll(() => h.startWorker());

  it('when an earlier worker died mid-send (a stale claim), then another takes the email over and sends it once', async () => {
    const to = uniqueEmail('stale');
    const email = await EmailModel.create({
      ...stored(to),
      state: 'sending',
      claimedAt: new Date(Date.now() - CLAIM_TIMEOUT_MS - 1_000),
      attempts: 1,
    });
    const job = await h.jobs.enqueue(SendEmail, { emailId: String(email._id) });
    await h.jobFinished(job);
    expect(await waitForMail(to)).toHaveLength(1);
    expect(await EmailModel.findById(email._id).setOptions({ crossTenant: true }).lean()).toMatchObject({
      state: 'sent',
      attempts: 2,
    });
  });

  it('when another worker holds a live claim, then the job leaves the email alone and sends nothing', async () => {
    const claimedAt = new Date();
    const email = await EmailModel.create({ ...stored(uniqueEmail('live')), state: 'sending', claimedAt, attempts: 1 });
    await h.jobFinished(await h.jobs.enqueue(SendEmail, { emailId: String(email._id) }));
    expect(await EmailModel.findById(email._id).setOptions({ crossTenant: true }).lean()).toMatchObject({
      state: 'sending',
      attempts: 1,
      claimedAt,
    });
  });

  it('when the email was already sent or failed, then a repeated job does nothing', async () => {
    for (const state of ['sent', 'failed'] as const) {
      const email = await EmailModel.create({ ...stored(uniqueEmail(state)), state, attempts: 1 });
      await h.jobFinished(await h.jobs.enqueue(SendEmail, { emailId: String(email._id) }));
      expect(await EmailModel.findById(email._id).setOptions({ crossTenant: true }).lean()).toMatchObject({
        state,
        attempts: 1,
      });
    }
  });
});
