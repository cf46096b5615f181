import request from 'supertest';

import { ContactResponse, ContactsResponse } from '@pulse/shared/schemas/contacts';
import { InvitationsResponse } from '@pulse/shared/schemas/invitations';

import { addTeammate, uniqueEmail } from '../../factories/accounts';
import { buildDistribution, buildTouchpoint } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';

/** The reads behind the touchpoints, contacts, contact and invitations pages. */
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const ingest = (auth: Record<string, string>, body: object) =>
  request(h.app).post('/api/v1/interactions').set(auth).send(body).expect(200);

describe('the pages’ reads', () => {
  it('pages through contacts with a cursor, filtered by attribute and suppression', async () => {
    const d = await buildDistribution(h);
    const interactions = Array.from({ length: 5 }, (_, i) => ({
      touchpoint: d.touchpoint.key,
      contact: { email: uniqueEmail(`p${i}`), attributes: { plan: i % 2 ? 'pro' : 'free' } },
    }));
    await ingest(d.auth, { interactions });
    const first = ContactsResponse.parse((await d.owner.agent.get('/api/v1/contacts?limit=2').expect(200)).body);
    expect(first.contacts).toHaveLength(2);
    const second = ContactsResponse.parse(
      (await d.owner.agent.get(`/api/v1/contacts?limit=2&cursor=${first.nextCursor}`).expect(200)).body,
    );
    const third = ContactsResponse.parse(
      (await d.owner.agent.get(`/api/v1/contacts?limit=2&cursor=${second.nextCursor}`).expect(200)).body,
    );
    expect(third.nextCursor).toBeNull();
    const ids = [...first.contacts, ...second.contacts, ...third.contacts].map((c) => c.id);
    expect(new Set(ids).size).toBe(5);
    const pro = ContactsResponse.parse((await d.owner.agent.get('/api/v1/contacts?attr.plan=pro').expect(200)).body);
    expect(pro.contacts).toHaveLength(2);
    const suppressed = await d.owner.agent.get('/api/v1/contacts?suppressed=true').expect(200);
    expect(suppressed.body.contacts).toEqual([]);
    const bad = await d.owner.agent.get('/api/v1/contacts?limit=500').expect(400);
    expect(bad.body.error.details[0].path).toBe('query.limit');
  });

  it('shows one contact with a timeline across two touchpoints, newest first; another organisation gets 404', async () => {
    const d = await buildDistribution(h);
    const second = await buildTouchpoint({ org: d.owner, key: 'checkout_done', rules: { surveyId: d.survey.id } });
    const email = uniqueEmail('ada');
    await ingest(d.auth, { touchpoint: d.touchpoint.key, contact: { email, name: 'Ada' } });
    const { body } = await ingest(d.auth, { touchpoint: second.key, contact: { email }, channel: 'link' });
    const contactId = body.decisions[0].contactId;

    const page = ContactResponse.parse((await d.owner.agent.get(`/api/v1/contacts/${contactId}`).expect(200)).body);
    expect(page.contact).toMatchObject({ email, name: 'Ada', suppression: null });
    expect(page.timeline.map((e) => [e.kind, e.touchpointKey, e.channel])).toEqual([
      ['interaction', 'checkout_done', 'link'],
      ['interaction', d.touchpoint.key, 'email'],
    ]);

    const other = await buildDistribution(h);
    const res = await other.owner.agent.get(`/api/v1/contacts/${contactId}`).expect(404);
    expect(res.body.error.code).toBe('not_found');
    await other.owner.agent.delete(`/api/v1/contacts/${contactId}`).expect(404);
    const notAnId = await d.owner.agent.get('/api/v1/contacts/nope').expect(400);
    expect(notAnId.body.error.details[0].path).toBe('params.contactId');
  });

  it('filters the invitations log by touchpoint, state, reason, contact and days, and names a bad filter', async () => {
    const d = await buildDistribution(h, { rules: { fatigueDays: 30 } });
    const other = await buildTouchpoint({ org: d.owner, key: 'other_tp', rules: { surveyId: d.survey.id } });
    const email = uniqueEmail();
    const { body } = await ingest(d.auth, { touchpoint: d.touchpoint.key, contact: { email } });
    await ingest(d.auth, { touchpoint: d.touchpoint.key, contact: { email } }); // fatigued
    await ingest(d.auth, { touchpoint: other.key, contact: { externalId: 'no-mail' } }); // no_email
    const log = async (query: string) =>
      InvitationsResponse.parse((await d.owner.agent.get(`/api/v1/invitations?${query}`).expect(200)).body).invitations;

    expect(await log('')).toHaveLength(3);
    expect((await log(`touchpointId=${other.id}`)).map((i) => i.reason)).toEqual(['no_email']);
    expect((await log('state=skipped')).map((i) => i.reason).sort()).toEqual(['fatigued', 'no_email']);
    expect((await log('reason=fatigued')).map((i) => i.touchpointKey)).toEqual([d.touchpoint.key]);
    expect(await log(`contactId=${body.decisions[0].contactId}`)).toHaveLength(2);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(await log(`from=${encodeURIComponent(tomorrow)}`)).toEqual([]);
    expect(await log(`to=${encodeURIComponent(tomorrow)}`)).toHaveLength(3);

    const badState = await d.owner.agent.get('/api/v1/invitations?state=lost').expect(400);
    expect(badState.body.error.details[0].path).toBe('query.state');
    const badDate = await d.owner.agent.get('/api/v1/invitations?from=yesterday').expect(400);
    expect(badDate.body.error.details[0].path).toBe('query.from');

    // Another organisation sees none of it, even naming the touchpoint.
    const stranger = await buildDistribution(h);
    const theirs = await stranger.owner.agent.get(`/api/v1/invitations?touchpointId=${other.id}`).expect(200);
    expect(theirs.body.invitations).toEqual([]);
    await stranger.owner.agent.get(`/api/v1/touchpoints/${other.id}`).expect(404);
  });

  it('lets a viewer read the journey but not contacts, their attributes or the invitations log', async () => {
    const d = await buildDistribution(h);
    const viewer = await addTeammate(h.app, d.owner.organisationId, 'viewer');
    const journey = await viewer.agent.get('/api/v1/touchpoints').expect(200);
    expect(journey.body.touchpoints.map((t: { key: string }) => t.key)).toEqual([d.touchpoint.key]);
    await viewer.agent.get('/api/v1/contacts').expect(403);
    await viewer.agent.get('/api/v1/contacts/attributes').expect(403);
    await viewer.agent.get('/api/v1/invitations').expect(403);
    await viewer.agent
      .post('/api/v1/interactions')
      .send({ touchpoint: d.touchpoint.key, contact: { email: uniqueEmail() } })
      .expect(403);
    const editor = await addTeammate(h.app, d.owner.organisationId, 'editor');
    await editor.agent.get('/api/v1/invitations').expect(200);
    // Erasing a person is for owners and admins.
    const { body } = await ingest(d.auth, { touchpoint: d.touchpoint.key, contact: { email: uniqueEmail() } });
    await editor.agent.delete(`/api/v1/contacts/${body.decisions[0].contactId}`).expect(403);
  });
});
