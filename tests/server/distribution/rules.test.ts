import request from 'supertest';

import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import { markResponded } from '../../../server/src/modules/invitations/invitations.service';
import { outsideQuietHours } from '../../../server/src/modules/invitations/send-time';
import { sweepInvitations } from '../../../server/src/modules/invitations/sweep-invitations.job';
import { systemContext } from '../../../server/src/lib/context';
import { uniqueEmail } from '../../factories/accounts';
import { buildDistribution, buildTouchpoint } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';
import { until } from '../../setup/until';

// The shared dev database is slow under load; these wait on real sends.
jest.setTimeout(120_000);
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** waitForMail gives up after 20 s; on a loaded machine a worker may need longer. */
async function mailsTo(to: string, count = 1) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await waitForMail(to, count);
    } catch (err) {
      if (attempt === 4) throw err;
    }
  }
}

const post = (auth: Record<string, string>, body: object) =>
  request(h.app).post('/api/v1/interactions').set(auth).send(body);

describe('fatigue across touchpoints', () => {
  it('when a contact was asked at one touchpoint, then another touchpoint skips them as fatigued until the window has passed', async () => {
    const d = await buildDistribution(h, { rules: { fatigueDays: 30, channel: 'link' } });
    const other = await buildTouchpoint({
      org: d.owner,
      rules: { surveyId: d.survey.id, fatigueDays: 30, channel: 'link' },
    });
    const email = uniqueEmail();
    const first = await post(d.auth, { touchpoint: d.touchpoint.key, contact: { email } }).expect(200);
    expect(first.body.decisions[0]).toMatchObject({ outcome: 'invited' });
    const second = await post(d.auth, { touchpoint: other.key, contact: { email } }).expect(200);
    expect(second.body.decisions[0]).toMatchObject({ outcome: 'skipped', reason: 'fatigued' });

    // 31 days on (the contact's clock moved back, as time would have moved forward).
    await ContactModel.updateOne(
      { organisationId: d.owner.organisationId, email },
      { $set: { lastInvitedAt: new Date(Date.now() - 31 * 86_400_000) } },
    );
    const later = await post(d.auth, { touchpoint: other.key, contact: { email } }).expect(200);
    expect(later.body.decisions[0]).toMatchObject({ outcome: 'invited' });
    const states = (await SurveyInvitationModel.find({ organisationId: d.owner.organisationId }).lean()).map(
      (i) => i.reason ?? i.state,
    );
    expect(states.sort()).toEqual(['fatigued', 'sent', 'sent']);
  });

  it('when two touchpoints ask one new person in the same batch, then the second is fatigued', async () => {
    const d = await buildDistribution(h, { rules: { fatigueDays: 7, channel: 'link' } });
    const other = await buildTouchpoint({
      org: d.owner,
      rules: { surveyId: d.survey.id, fatigueDays: 7, channel: 'link' },
    });
    const res = await post(d.auth, {
      interactions: [
        { touchpoint: d.touchpoint.key, contact: { externalId: 'same-person' } },
        { touchpoint: other.key, contact: { externalId: 'same-person' } },
      ],
    }).expect(200);
    expect(res.body.decisions.map((x: { reason: string | null }) => x.reason)).toEqual([null, 'fatigued']);
    expect(res.body.decisions[0].contactId).toBe(res.body.decisions[1].contactId);
  });
});

describe('one contact per person under concurrency', () => {
  it('when 20 interactions about one new person arrive at once, then one contact exists and each is decided once', async () => {
    const d = await buildDistribution(h, { rules: { channel: 'link', fatigueDays: 30 } });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        post(d.auth, { touchpoint: d.touchpoint.key, contact: { externalId: 'racer', email: 'racer@example.test' } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(await ContactModel.countDocuments({ organisationId: d.owner.organisationId })).toBe(1);
    expect(new Set(answers.map((a) => a.body.decisions[0].contactId)).size).toBe(1);
    // The fatigue claim is atomic: exactly one of the twenty made an invitation.
    expect(answers.filter((a) => a.body.decisions[0].outcome === 'invited')).toHaveLength(1);
    expect(await SurveyInvitationModel.countDocuments({ organisationId: d.owner.organisationId })).toBe(20);
  });
});

describe('quiet hours on the contact’s wall clock', () => {
  const quiet = { start: '21:00', end: '08:00' };
  it('in a negative half-hour zone (St John’s, −03:30 in winter, −02:30 in summer)', () => {
    // 23:00 local on 10 January is 02:30Z; 08:00 local the next morning is 11:30Z.
    expect(outsideQuietHours(new Date('2026-01-11T02:30:00Z'), 'America/St_Johns', quiet).toISOString()).toBe(
      '2026-01-11T11:30:00.000Z',
    );
    expect(outsideQuietHours(new Date('2026-07-11T01:30:00Z'), 'America/St_Johns', quiet).toISOString()).toBe(
      '2026-07-11T10:30:00.000Z',
    );
  });
  it('across the night the clocks go forward in the US (8 March 2026, New York)', () => {
    // 22:00 EST on 7 March; 08:00 the next morning is EDT (−04:00).
    expect(outsideQuietHours(new Date('2026-03-08T03:00:00Z'), 'America/New_York', quiet).toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    );
  });
  it('leaves a daytime send alone in a +05:45 zone (Kathmandu)', () => {
    expect(outsideQuietHours(new Date('2026-05-01T06:15:00Z'), 'Asia/Kathmandu', quiet).toISOString()).toBe(
      '2026-05-01T06:15:00.000Z',
    );
  });
});

describe('reminders', () => {
  it('mails the reminder to the person who has not answered and nothing to the one who did', async () => {
    h.startWorker();
    const d = await buildDistribution(h, { rules: { reminders: { count: 1, spacingHours: 24 } } });
    const [answered, silent] = [uniqueEmail('answered'), uniqueEmail('silent')];
    const res = await post(d.auth, {
      interactions: [answered, silent].map((email) => ({ touchpoint: d.touchpoint.key, contact: { email } })),
    }).expect(200);
    const [a, b] = res.body.decisions.map((x: { invitationId: string }) => x.invitationId);
    await mailsTo(answered);
    await mailsTo(silent);
    const org = d.owner.organisationId;
    await until(
      () => SurveyInvitationModel.find({ organisationId: org }).lean(),
      (all) => all.length === 2 && all.every((i) => i.state === 'sent' && i.nextReminderAt),
      60_000,
    );
    await markResponded(systemContext({ organisationId: org, log: h.log }), a);
    // A day on: both reminders are due by the clock; only the silent one is still awaiting.
    await SurveyInvitationModel.updateMany(
      { organisationId: org },
      { $set: { nextReminderAt: new Date(Date.now() - 1_000) } },
    );
    expect((await sweepInvitations(h.log)).reminders).toBe(1);
    const [, reminder] = await mailsTo(silent, 2);
    expect(reminder!.subject).toBeTruthy();
    await until(
      () => SurveyInvitationModel.findOne({ _id: b, organisationId: org }).lean(),
      (inv) => inv?.remindersSent === 1,
      60_000,
    );
    // A second pass finds nothing left to remind: the count was one.
    expect((await sweepInvitations(h.log)).reminders).toBe(0);
    const caught = await fetch(new URL(`/messages?to=${answered}`, process.env.MAIL_CATCHER_URL)).then((r) => r.json());
    expect(caught.messages).toHaveLength(1);
  });
});

describe('bad input names the item and the field', () => {
  it('a batch of 1,001 is refused at body.interactions and stores nothing', async () => {
    const d = await buildDistribution(h);
    const res = await post(d.auth, {
      interactions: Array.from({ length: 1001 }, (_, i) => ({
        touchpoint: d.touchpoint.key,
        contact: { email: `many-${i}@example.test` },
      })),
    }).expect(400);
    expect(res.body.error.details.map((x: { path: string }) => x.path)).toContain('body.interactions');
    expect(await ContactModel.countDocuments({ organisationId: d.owner.organisationId })).toBe(0);
  });

  it('a batch whose only fault is an unknown touchpoint or a wrongly typed attribute is refused whole', async () => {
    const d = await buildDistribution(h);
    await post(d.auth, {
      touchpoint: d.touchpoint.key,
      contact: { externalId: 'typed', attributes: { seats: 3 } },
    }).expect(200);
    const res = await post(d.auth, {
      interactions: [
        { touchpoint: d.touchpoint.key, contact: { email: uniqueEmail() } },
        { touchpoint: 'nope', contact: { email: uniqueEmail() } },
        { touchpoint: d.touchpoint.key, contact: { email: uniqueEmail(), attributes: { seats: 'three' } } },
      ],
    }).expect(400);
    expect(res.body.error.details.map((x: { path: string }) => x.path).sort()).toEqual([
      'body.interactions.1.touchpoint',
      'body.interactions.2.contact.attributes.seats',
    ]);
    // Only the earlier single interaction's contact and invitation exist: item 0 was not processed.
    expect(await ContactModel.countDocuments({ organisationId: d.owner.organisationId })).toBe(1);
    expect(await SurveyInvitationModel.countDocuments({ organisationId: d.owner.organisationId })).toBe(1);
  });
});
