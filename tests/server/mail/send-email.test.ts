import { freePort } from '../../../scripts/lib/services';
import { CLAIM_TIMEOUT_MS, SendEmail } from '../../../server/src/modules/mail/send-email.job';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { queueEmail } from '../../../server/src/modules/mail/mail.service';
import { uniqueEmail } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';

// Three quick attempts instead of eight over four minutes; everything else as in production.
let h: Harness;
beforeAll(
  async () => (h = await startHarness({}, { jobOptions: { attempts: 3, backoff: { type: 'fixed', delay: 20 } } })),
);
afterAll(() => h.close());

const mail = (to: string) => ({ from: 'Pulse <pulse@example.test>', to, subject: 'Job check', text: 'Hello.' });
const jobOf = async (emailId: string) => (await h.jobs.queues.transactional.getJob(`mail.send-${emailId}`))!;

describe('the mail job', () => {
  it('when SMTP refuses every attempt, then the email ends failed with the last error, after exactly 3 attempts', async () => {
    // A port nothing listens on: every connection is refused.
    const broken = h.startWorker({ smtpUrl: `smtp://127.0.0.1:${await freePort()}` });
    const { emailId } = await queueEmail(mail(uniqueEmail('unreachable')));
    await expect(h.jobFinished(await jobOf(emailId))).rejects.toThrow(/ECONNREFUSED/);
    const email = await EmailModel.findById(emailId).lean();
    expect(email).toMatchObject({ state: 'failed', attempts: 3 });
    expect(email!.lastError).toMatch(/ECONNREFUSED/);
    await broken.close();
  });
});

describe('the mail job with a working SMTP server', () => {
  beforeAll(() => h.startWorker());

  it('when an earlier worker died mid-send (a stale claim), then another takes the email over and sends it once', async () => {
    const to = uniqueEmail('stale');
    const email = await EmailModel.create({
      ...mail(to),
      state: 'sending',
      claimedAt: new Date(Date.now() - CLAIM_TIMEOUT_MS - 1_000),
      attempts: 1,
    });
    const job = await h.jobs.enqueue(SendEmail, { emailId: String(email._id) });
    await h.jobFinished(job);
    expect(await waitForMail(to)).toHaveLength(1);
    expect(await EmailModel.findById(email._id).lean()).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('when another worker holds a live claim, then the job leaves the email alone and sends nothing', async () => {
    const claimedAt = new Date();
    const email = await EmailModel.create({ ...mail(uniqueEmail('live')), state: 'sending', claimedAt, attempts: 1 });
    await h.jobFinished(await h.jobs.enqueue(SendEmail, { emailId: String(email._id) }));
    expect(await EmailModel.findById(email._id).lean()).toMatchObject({ state: 'sending', attempts: 1, claimedAt });
  });

  it('when the email was already sent or failed, then a repeated job does nothing', async () => {
    for (const state of ['sent', 'failed'] as const) {
      const email = await EmailModel.create({ ...mail(uniqueEmail(state)), state, attempts: 1 });
      await h.jobFinished(await h.jobs.enqueue(SendEmail, { emailId: String(email._id) }));
      expect(await EmailModel.findById(email._id).lean()).toMatchObject({ state, attempts: 1 });
    }
  });
});
