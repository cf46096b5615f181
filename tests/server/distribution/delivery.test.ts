import request from 'supertest';

import { createApp } from '../../../server/src/app';
import { createRedis } from '../../../server/src/lib/redis';
import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import { sweepInvitations } from '../../../server/src/modules/invitations/sweep-invitations.job';
import { uniqueEmail } from '../../factories/accounts';
import { buildDistribution } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';
import { until } from '../../setup/until';
import { waitForMail } from '../../setup/mail';

// The shared dev database is slow under load; these wait on real sends.
jest.setTimeout(90_000);
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

const post = (app: typeof h.app, auth: Record<string, string>, body: object) =>
  request(app).post('/api/v1/interactions').set(auth).send(body);

const invitationsOf = (organisationId: string) => SurveyInvitationModel.find({ organisationId }).lean();

describe('unsubscribe', () => {
  it('GET only asks; the one-click POST suppresses at once; later interactions are skipped as suppressed', async () => {
    const d = await buildDistribution(h);
    const email = uniqueEmail('leaver');
    await post(h.app, d.auth, { touchpoint: d.touchpoint.key, contact: { email } }).expect(200);
    const [mail] = await waitForMail(email);
    const url = new URL(mail!.headers['list-unsubscribe']!.slice(1, -1));
    const page = await request(h.app).get(url.pathname).expect(200);
    expect(page.text).toContain('<form method="post">');
    expect(
      (await ContactModel.findOne({ organisationId: d.owner.organisationId, email }).lean())!.suppression,
    ).toBeNull();

    await request(h.app).post(url.pathname).type('form').send('List-Unsubscribe=One-Click').expect(200);
    const contact = await ContactModel.findOne({ organisationId: d.owner.organisationId, email }).lean();
    expect(contact!.suppression).toMatchObject({ reason: 'unsubscribed', detail: 'one-click' });
    const later = await post(h.app, d.auth, { touchpoint: d.touchpoint.key, contact: { email } }).expect(200);
    expect(later.body.decisions[0]).toMatchObject({ outcome: 'skipped', reason: 'suppressed' });
    await request(h.app).get('/u/inv_000000000000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
  });
});

describe('when Redis is unavailable', () => {
  it('answers 503 with Retry-After within a second and stores nothing', async () => {
    const d = await buildDistribution(h);
    const deadRedis = createRedis('redis://127.0.0.1:1/0', 'producer');
    deadRedis.on('error', () => undefined);
    const app = createApp({ config: h.config, log: h.log, redis: deadRedis });
    const started = Date.now();
    const res = await post(app, d.auth, { touchpoint: d.touchpoint.key, contact: { email: uniqueEmail() } }).expect(
      503,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.headers['retry-after']).toBe('1');
    expect(await invitationsOf(d.owner.organisationId)).toHaveLength(0);
    deadRedis.disconnect();
  });

  it('when a queued send lost its job, then the sweep sends it: nothing answered 2xx is lost', async () => {
    const d = await buildDistribution(h, { rules: { delayMinutes: 60 } });
    const email = uniqueEmail('survivor');
    const res = await post(h.app, d.auth, { touchpoint: d.touchpoint.key, contact: { email } }).expect(200);
    const { invitationId } = res.body.decisions[0];
    // As if Redis had lost the job: only the invitation document remembers the send.
    await h.jobs.queues.bulk.remove(`invitation.send-${invitationId}`);
    await SurveyInvitationModel.updateOne(
      { _id: invitationId, organisationId: d.owner.organisationId },
      { $set: { sendAt: new Date(Date.now() - 120_000) } },
    );
    expect((await sweepInvitations(h.log)).requeued).toBeGreaterThanOrEqual(1);
    await waitForMail(email);
    await until(
      () => SurveyInvitationModel.findOne({ _id: invitationId, organisationId: d.owner.organisationId }).lean(),
      (inv) => inv?.state === 'sent',
    );
  });
});
