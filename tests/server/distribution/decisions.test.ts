import request from 'supertest';

import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import { markResponded } from '../../../server/src/modules/invitations/invitations.service';
import { outsideQuietHours, planSendTime } from '../../../server/src/modules/invitations/send-time';
import { sweepInvitations } from '../../../server/src/modules/invitations/sweep-invitations.job';
import { systemContext } from '../../../server/src/lib/context';
import { uniqueEmail } from '../../factories/accounts';
import { buildDistribution } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';

// The shared dev database is slow under load; these wait on real sends.
jest.setTimeout(90_000);
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const post = (auth: Record<string, string>, body: object) =>
  request(h.app).post('/api/v1/interactions').set(auth).send(body);

describe('bad input', () => {
  it('refuses a batch with one bad item whole, naming each item index and field, and stores nothing', async () => {
    const d = await buildDistribution(h);
    const res = await post(d.auth, {
      interactions: [
        { touchpoint: d.touchpoint.key, contact: { email: uniqueEmail() } },
        { touchpoint: 'no_such_touchpoint', contact: { email: uniqueEmail() } },
        { touchpoint: d.touchpoint.key, contact: { email: 'not-an-email' } },
        { touchpoint: d.touchpoint.key, contact: { email: uniqueEmail(), timeZone: 'Nowhere/Land' } },
      ],
    }).expect(400);
    const paths = res.body.error.details.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.interactions.2.contact.email', 'body.interactions.3.contact.timeZone']),
    );
    expect(await ContactModel.countDocuments({ organisationId: d.owner.organisationId })).toBe(0);
    expect(await SurveyInvitationModel.countDocuments({ organisationId: d.owner.organisationId })).toBe(0);

    const unknown = await post(d.auth, {
      interactions: [{ touchpoint: 'no_such_touchpoint', contact: { email: uniqueEmail() } }],
    }).expect(400);
    expect(unknown.body.error.details).toEqual([
      { path: 'body.interactions.0.touchpoint', message: expect.any(String) },
    ]);
  });

  it('refuses 1,001 interactions and an attribute of the wrong type', async () => {
    const d = await buildDistribution(h);
    const many = Array.from({ length: 1001 }, (_, i) => ({
      touchpoint: d.touchpoint.key,
      contact: { externalId: `c${i}` },
    }));
    const tooMany = await post(d.auth, { interactions: many }).expect(400);
    expect(tooMany.body.error.code).toBe('validation_failed');
    await post(d.auth, { touchpoint: d.touchpoint.key, contact: { externalId: 'a', attributes: { seats: 3 } } }).expect(
      200,
    );
    const wrong = await post(d.auth, {
      touchpoint: d.touchpoint.key,
      contact: { externalId: 'b', attributes: { seats: 'many' } },
    }).expect(400);
    expect(wrong.body.error.details[0].path).toBe('body.contact.attributes.seats');
  });
});

describe('decisions', () => {
  it('when the same idempotency key is replayed, then it answers the same and makes one invitation', async () => {
    const d = await buildDistribution(h);
    const body = { touchpoint: d.touchpoint.key, contact: { email: uniqueEmail() }, idempotencyKey: 'ticket-991' };
    const first = await post(d.auth, body).expect(200);
    const again = await Promise.all([post(d.auth, body), post(d.auth, body)]);
    for (const res of again) {
      expect(res.body.decisions[0]).toEqual({ ...first.body.decisions[0], replayed: true });
    }
    expect(await SurveyInvitationModel.countDocuments({ organisationId: d.owner.organisationId })).toBe(1);
  });

  it('skips within the fatigue window across touchpoints, and records why', async () => {
    const d = await buildDistribution(h, { rules: { fatigueDays: 30 } });
    const email = uniqueEmail();
    const res = await post(d.auth, {
      interactions: [
        { touchpoint: d.touchpoint.key, contact: { email } },
        { touchpoint: d.touchpoint.key, contact: { email }, occurredAt: new Date().toISOString() },
      ],
    }).expect(200);
    expect(res.body.decisions.map((x: { outcome: string; reason: string }) => x.reason)).toEqual([null, 'duplicate']);
    const later = await post(d.auth, { touchpoint: d.touchpoint.key, contact: { email } }).expect(200);
    expect(later.body.decisions[0]).toMatchObject({ outcome: 'skipped', reason: 'fatigued' });
    const log = await request(h.app).get('/api/v1/invitations?reason=fatigued').set('Cookie', '').expect(401);
    expect(log.status).toBe(401);
    const mine = await d.owner.agent.get('/api/v1/invitations?reason=fatigued').expect(200);
    expect(mine.body.invitations).toHaveLength(1);
  });

  it('skips contacts without email, suppressed contacts and paused rules', async () => {
    const d = await buildDistribution(h);
    const noEmail = await post(d.auth, { touchpoint: d.touchpoint.key, contact: { externalId: 'x-1' } }).expect(200);
    expect(noEmail.body.decisions[0].reason).toBe('no_email');
    const email = uniqueEmail();
    await post(d.auth, { touchpoint: d.touchpoint.key, contact: { email } }).expect(200);
    await ContactModel.updateOne(
      { organisationId: d.owner.organisationId, email },
      { $set: { suppression: { reason: 'unsubscribed', at: new Date() } } },
    );
    const suppressed = await post(d.auth, { touchpoint: d.touchpoint.key, contact: { email } }).expect(200);
    expect(suppressed.body.decisions[0].reason).toBe('suppressed');
    await d.owner.agent
      .patch(`/api/v1/touchpoints/${d.touchpoint.id}`)
      .send({ rules: { surveyId: d.survey.id, paused: true } })
      .expect(200);
    const paused = await post(d.auth, { touchpoint: d.touchpoint.key, contact: { email: uniqueEmail() } }).expect(200);
    expect(paused.body.decisions[0].reason).toBe('survey_paused');
  });

  it('samples within tolerance: 120 interactions at 50% invite 60 ± 17 (3.1 standard deviations)', async () => {
    const d = await buildDistribution(h, { rules: { samplingPercent: 50, channel: 'link' } });
    const res = await post(d.auth, {
      interactions: Array.from({ length: 120 }, (_, i) => ({
        touchpoint: d.touchpoint.key,
        contact: { externalId: `s-${i}` },
      })),
    }).expect(200);
    const invited = res.body.decisions.filter((x: { outcome: string }) => x.outcome === 'invited').length;
    expect(Math.abs(invited - 60)).toBeLessThanOrEqual(17);
    expect(res.body.decisions.filter((x: { reason: string }) => x.reason === 'sampled_out').length).toBe(120 - invited);
  }, 120_000);
});

describe('quiet hours in the contact’s zone', () => {
  const quiet = { start: '21:00', end: '08:00' };
  it('moves a send out of the night in a half-hour zone (Kolkata +05:30)', () => {
    expect(outsideQuietHours(new Date('2026-03-08T23:00:00Z'), 'Asia/Kolkata', quiet).toISOString()).toBe(
      '2026-03-09T02:30:00.000Z',
    );
  });
  it('lands on 08:00 local after the spring DST change (Paris, 29 March 2026)', () => {
    expect(outsideQuietHours(new Date('2026-03-28T20:30:00Z'), 'Europe/Paris', quiet).toISOString()).toBe(
      '2026-03-29T06:00:00.000Z',
    );
    expect(outsideQuietHours(new Date('2026-10-24T20:30:00Z'), 'Europe/Paris', quiet).toISOString()).toBe(
      '2026-10-25T07:00:00.000Z',
    );
  });
  it('keeps daytime sends and adds the delay first', () => {
    const now = new Date('2026-06-01T10:00:00Z');
    expect(planSendTime({ now, delayMinutes: 60, zone: 'Europe/London', quietHours: quiet }).toISOString()).toBe(
      '2026-06-01T11:00:00.000Z',
    );
  });
  it('plans the send in the contact’s zone at ingest', async () => {
    const d = await buildDistribution(h, { rules: { quietHours: { start: '00:00', end: '23:59' } } });
    const res = await post(d.auth, {
      touchpoint: d.touchpoint.key,
      contact: { email: uniqueEmail(), timeZone: 'Asia/Kathmandu' },
    }).expect(200);
    const sendAt = new Date(res.body.decisions[0].sendAt);
    expect(sendAt.getTime()).toBeGreaterThan(Date.now());
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kathmandu', hour: '2-digit', minute: '2-digit' }).format(
        sendAt,
      ),
    ).toBe('23:59');
  });
});

describe('reminders and expiry', () => {
  it('reminds only those who have not responded, and expires links past their date', async () => {
    const d = await buildDistribution(h, {
      rules: { channel: 'link', reminders: { count: 1, spacingHours: 24 }, expiryDays: 7 },
    });
    const res = await post(d.auth, {
      interactions: [0, 1].map((i) => ({
        touchpoint: d.touchpoint.key,
        contact: { externalId: `r-${i}`, email: uniqueEmail() },
      })),
    }).expect(200);
    const [a, b] = res.body.decisions.map((x: { invitationId: string }) => x.invitationId);
    const ctx = systemContext({ organisationId: d.owner.organisationId, log: h.log });
    const due = new Date(Date.now() - 1000);
    await SurveyInvitationModel.updateMany(
      { organisationId: d.owner.organisationId },
      { $set: { nextReminderAt: due } },
    );
    await markResponded(ctx, a);
    const swept = await sweepInvitations(h.log);
    expect(swept.reminders).toBe(1);
    const queued = await h.jobs.queues.bulk.getJobs(['waiting', 'delayed', 'prioritized']);
    expect(queued.filter((j) => j.name === 'invitation.remind').map((j) => j.data.invitationId)).toEqual([b]);

    const expired = await sweepInvitations(h.log, new Date(Date.now() + 8 * 86_400_000));
    expect(expired.expired).toBe(1);
    expect(
      (await SurveyInvitationModel.findOne({ _id: b, organisationId: d.owner.organisationId }).lean())!.state,
    ).toBe('expired');
    expect(
      (await SurveyInvitationModel.findOne({ _id: a, organisationId: d.owner.organisationId }).lean())!.state,
    ).toBe('responded');
  });
});
