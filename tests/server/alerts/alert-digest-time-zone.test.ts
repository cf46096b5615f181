import { systemContext } from '../../../server/src/lib/context';
import { AlertFiringModel } from '../../../server/src/modules/alerts/alert-firing.model';
import { periodStart, sendAlertDigests } from '../../../server/src/modules/alerts/send-alert-digests.job';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { signUpOwner, uniqueEmail } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** An organisation on `timeZone` with one batching rule, and one firing of it at `at`. */
async function firingAt(timeZone: string, rule: { delivery: 'hourly' | 'daily'; digestHour?: number }, at: string) {
  const owner = await signUpOwner(h.app);
  await owner.agent.patch('/api/v1/organisation').send({ timeZone }).expect(200);
  const lead = uniqueEmail('lead');
  await owner.agent
    .post('/api/v1/alert-rules')
    .send({
      name: `Batched in ${timeZone}`,
      groups: [[{ field: 'band', in: ['detractor'] }]],
      channels: { emails: [lead] },
      openCase: false,
      slaHours: 24,
      ...rule,
    })
    .expect(201);
  await answerAsContact(systemContext({ organisationId: owner.organisationId, log: h.log }), 2);
  await h.eventsSettled();
  // The firing happened at a chosen instant, so the periods around it are known.
  await AlertFiringModel.updateMany({ organisationId: owner.organisationId }, { $set: { at: new Date(at) } });
  const mailed = () => EmailModel.countDocuments({ organisationId: owner.organisationId, to: lead });
  return { mailed };
}

const run = (period: 'hourly' | 'daily', at: string) => sendAlertDigests(period, h.log, new Date(at));

describe("alert digests on the organisation's clock", () => {
  it('when the zone is half an hour off UTC, then the hourly batch goes out after the local hour, at :30 UTC', async () => {
    // 10:40 UTC is 16:10 in Kolkata (+05:30): its hour ends at 17:00 local, 11:30 UTC.
    const org = await firingAt('Asia/Kolkata', { delivery: 'hourly' }, '2026-12-01T10:40:00Z');
    await run('hourly', '2026-12-01T11:01:00Z'); // the UTC hour is over, the local one is not
    expect(await org.mailed()).toBe(0);
    await run('hourly', '2026-12-01T11:31:00Z');
    expect(await org.mailed()).toBe(1);
  });

  it('when the zone is half an hour off UTC, then the daily batch goes out at the configured local hour', async () => {
    // 08:30 in Kolkata; the 09:00 batch is at 03:30 UTC.
    const org = await firingAt('Asia/Kolkata', { delivery: 'daily', digestHour: 9 }, '2026-12-01T03:00:00Z');
    await run('daily', '2026-12-01T03:16:00Z');
    expect(await org.mailed()).toBe(0);
    await run('daily', '2026-12-01T03:31:00Z');
    expect(await org.mailed()).toBe(1);
  });

  it('when the clocks go back overnight, then the daily batch still goes out at 08:00 local, now an hour later in UTC', async () => {
    // Berlin leaves summer time on 25 October 2026 at 03:00: 08:00 is 07:00 UTC that day (06:00 the day before).
    const org = await firingAt('Europe/Berlin', { delivery: 'daily', digestHour: 8 }, '2026-10-25T06:30:00Z');
    await run('daily', '2026-10-25T06:46:00Z'); // 07:46 local: the summer-time 08:00 (06:00 UTC) would be past
    expect(await org.mailed()).toBe(0);
    await run('daily', '2026-10-25T07:01:00Z');
    expect(await org.mailed()).toBe(1);
  });

  it('puts the start of a period on the local clock across a spring DST change', () => {
    // New York springs forward on 8 March 2026: 08:00 is 13:00 UTC the day before and 12:00 UTC that day.
    expect(periodStart('daily', new Date('2026-03-08T12:30:00Z'), 'America/New_York', 8).toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
    expect(periodStart('daily', new Date('2026-03-08T11:30:00Z'), 'America/New_York', 8).toISOString()).toBe(
      '2026-03-07T13:00:00.000Z',
    );
    // Kathmandu is 05:45 ahead: its hours start at :15 UTC.
    expect(periodStart('hourly', new Date('2026-12-01T10:20:00Z'), 'Asia/Kathmandu', 0).toISOString()).toBe(
      '2026-12-01T10:15:00.000Z',
    );
  });
});
