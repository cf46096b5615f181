import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { derivedId } from '../../../server/src/lib/derived-id';
import { AlertFiringModel } from '../../../server/src/modules/alerts/alert-firing.model';
import { periodStart, sendAlertDigests } from '../../../server/src/modules/alerts/send-alert-digests.job';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;
let ruleId: string;
const lead = uniqueEmail('lead');

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  const res = await owner.agent
    .post('/api/v1/alert-rules')
    .send({
      name: 'Hourly detractors',
      groups: [[{ field: 'band', in: ['detractor'] }]],
      delivery: 'hourly',
      channels: { emails: [lead] },
      openCase: false,
      slaHours: 24,
    })
    .expect(201);
  ruleId = res.body.rule.id;
});
afterAll(() => h.close());

const mailsTo = (to: string) => EmailModel.countDocuments({ organisationId: owner.organisationId, to });

describe('hourly alert digests', () => {
  it('when a rule batches hourly, then its firings are mailed once, as one list, after the hour', async () => {
    const first = await answerAsContact(ctx, 2);
    await first.comment('Too slow');
    await answerAsContact(ctx, 4);
    await h.eventsSettled();
    expect(await mailsTo(lead)).toBe(0);

    // Still the same hour: nothing is due.
    expect(await sendAlertDigests('hourly', h.log, new Date())).toMatchObject({ firings: 0 });
    const nextHour = new Date(Date.now() + 3_600_000);
    expect(await sendAlertDigests('hourly', h.log, nextHour)).toEqual({ firings: 2, mails: 1 });
    const [mail] = await waitForMail(lead);
    expect(mail!.subject).toBe('Alert digest: Hourly detractors — 2 alerts (hourly)');
    expect(mail!.text).toContain('2 (detractor) at repair_visit: “Too slow”');
    expect(mail!.text).toContain('4 (detractor) at repair_visit');

    // Run again (a second worker, a retry): the firings are marked, nothing more is sent.
    expect(await sendAlertDigests('hourly', h.log, nextHour)).toEqual({ firings: 0, mails: 0 });
    expect(await mailsTo(lead)).toBe(1);
    const batchId = String(
      derivedId('alert-digest', ruleId, 'hourly', periodStart('hourly', nextHour, 'UTC', 0).toISOString()),
    );
    const firings = await AlertFiringModel.find({ organisationId: owner.organisationId, ruleId }).lean();
    expect(firings.map((f) => f.digest)).toEqual([
      { state: 'sent', detail: batchId },
      { state: 'sent', detail: batchId },
    ]);
  });

  it('when a batch was mailed but its firings not marked (a crash in between), then the rerun sends no second mail', async () => {
    await answerAsContact(ctx, 0);
    await h.eventsSettled();
    const later = new Date(Date.now() + 2 * 3_600_000);
    await sendAlertDigests('hourly', h.log, later);
    await AlertFiringModel.updateMany({ organisationId: owner.organisationId, ruleId }, { $set: { digest: null } });
    await sendAlertDigests('hourly', h.log, later);
    expect(await mailsTo(lead)).toBe(2);
  });
});
