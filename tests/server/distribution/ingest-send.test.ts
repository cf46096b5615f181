import request from 'supertest';

import { IngestResponse } from '@pulse/shared/schemas/interactions';

import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import { findInvitationByToken } from '../../../server/src/modules/invitations/invitations.service';
import { TimelineEntryModel } from '../../../server/src/modules/contacts/timeline-entry.model';
import { uniqueEmail } from '../../factories/accounts';
import { buildDistribution } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';
import { linksIn, waitForMail } from '../../setup/mail';
import { until } from '../../setup/until';

// The shared dev database is slow under load; these wait on real sends.
jest.setTimeout(90_000);
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

describe('an interaction becomes one survey email', () => {
  it('when a system posts an interaction, then one mail arrives with working score links, unsubscribe headers and a pixel', async () => {
    const d = await buildDistribution(h);
    const email = uniqueEmail('customer');
    const res = await request(h.app)
      .post('/api/v1/interactions')
      .set(d.auth)
      .send({ touchpoint: d.touchpoint.key, contact: { email, name: 'Ada Lovelace', externalId: 'c-1' } })
      .expect(200);
    const [decision] = IngestResponse.parse(res.body).decisions;
    expect(decision).toMatchObject({
      index: 0,
      outcome: 'invited',
      reason: null,
      channel: 'email',
      url: null,
      replayed: false,
    });

    const [mail] = await waitForMail(email);
    expect(mail!.subject).toContain('A quick question from');
    expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(mail!.headers['list-unsubscribe']).toMatch(/^<http:\/\/[^>]+\/u\/inv_[a-f0-9]{24}_[\w-]{32}>$/);
    const scoreLinks = linksIn(mail!).filter((l) => l.includes('/r/'));
    expect(scoreLinks.map((l) => new URL(l).searchParams.get('score'))).toEqual(
      Array.from({ length: 11 }, (_, i) => String(i)),
    );
    expect(mail!.html).toContain('?score=10');
    expect(mail!.html).toMatch(/\/o\/inv_[^"]+\.gif/);
    expect(mail!.text).toContain('Hi Ada,');

    const token = new URL(scoreLinks[0]!).pathname.split('/').pop()!;
    const found = await findInvitationByToken(token, h.config.SECRET_KEY);
    expect(String(found?._id)).toBe(decision!.invitationId);
    expect(
      await findInvitationByToken(token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), h.config.SECRET_KEY),
    ).toBeNull();

    // SMTP accepts the mail a moment before the worker marks the invitation sent.
    const stored = await until(
      () =>
        SurveyInvitationModel.findOne({ _id: decision!.invitationId, organisationId: d.owner.organisationId }).lean(),
      (invitation) => invitation?.state === 'sent',
    );
    expect(stored).toMatchObject({ state: 'sent', attempts: 1, to: email });
    expect(stored!.history.map((x) => x.state)).toEqual(['queued', 'sending', 'sent']);
    expect(JSON.stringify(stored)).not.toContain(token.split('_')[2]);

    // The timeline entry is written just after the state moves to sent.
    const timeline = await until(
      () =>
        TimelineEntryModel.find({ organisationId: d.owner.organisationId, contactId: decision!.contactId })
          .sort({ at: 1 })
          .lean(),
      (entries) => entries.length >= 2,
    );
    expect(timeline.map((e) => e.summary)).toEqual([
      `Interaction at ${d.touchpoint.key}: invited by email`,
      'Invitation sent',
    ]);
  });

  it('when the pixel loads, then the invitation is opened, once', async () => {
    const d = await buildDistribution(h);
    const email = uniqueEmail('opener');
    await request(h.app)
      .post('/api/v1/interactions')
      .set(d.auth)
      .send({ touchpoint: d.touchpoint.key, contact: { email } })
      .expect(200);
    const [mail] = await waitForMail(email);
    // SMTP accepts the mail a moment before the worker records it sent; a reader opens it later.
    await until(
      () => SurveyInvitationModel.findOne({ organisationId: d.owner.organisationId }).lean(),
      (invitation) => invitation?.state === 'sent',
    );
    const pixel = new URL(/src="([^"]+\.gif)"/.exec(mail!.html!)![1]!);
    await request(h.app).get(pixel.pathname).expect(200).expect('Content-Type', /gif/);
    await request(h.app).get(pixel.pathname).expect(200);
    const stored = await SurveyInvitationModel.findOne({ organisationId: d.owner.organisationId }).lean();
    expect(stored!.state).toBe('opened');
    expect(stored!.history.filter((x) => x.state === 'opened')).toHaveLength(1);
  });

  it('for the link channel, answers the personal survey URL and sends nothing', async () => {
    const d = await buildDistribution(h, { rules: { channel: 'link' } });
    const res = await request(h.app)
      .post('/api/v1/interactions')
      .set(d.auth)
      .send({ touchpoint: d.touchpoint.key, contact: { externalId: 'no-email-needed' } })
      .expect(200);
    const [decision] = IngestResponse.parse(res.body).decisions;
    expect(decision!.url).toMatch(new RegExp(`^${h.config.PUBLIC_URL}/r/inv_${decision!.invitationId}_[\\w-]{32}$`));
    const found = await findInvitationByToken(decision!.url!.split('/r/')[1]!, h.config.SECRET_KEY);
    expect(found?.state).toBe('sent');
  });
});
