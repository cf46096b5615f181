import request from 'supertest';

import { ContactResponse, ContactsResponse } from '@pulse/shared/schemas/contacts';

import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
import { addTeammate, createApiKey, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('contacts: one per person', () => {
  it('when 20 upserts of one person race, then one contact exists', async () => {
    const owner = await signUpOwner(h.app);
    const { secret } = await createApiKey(owner, ['interactions:write']);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(h.app)
          .post('/api/v1/contacts')
          .set('Authorization', `Bearer ${secret}`)
          .send({ externalId: 'cust-42', email: 'Ada@Example.test', attributes: { visits: i } }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const ids = new Set(answers.map((a) => a.body.contact.id));
    expect(ids.size).toBe(1);
    expect(await ContactModel.countDocuments({ organisationId: owner.organisationId })).toBe(1);
  });

  it('finds the person by email when the external id arrives later, and merges attributes', async () => {
    const owner = await signUpOwner(h.app);
    const first = await owner.agent
      .post('/api/v1/contacts')
      .send({ email: 'bo@example.test', attributes: { plan: 'pro' } })
      .expect(200);
    const second = await owner.agent
      .post('/api/v1/contacts')
      .send({ email: 'bo@example.test', externalId: 'c-1', timeZone: 'Asia/Kolkata', attributes: { region: 'EU' } })
      .expect(200);
    expect(second.body.contact.id).toBe(first.body.contact.id);
    expect(second.body.contact).toMatchObject({
      externalId: 'c-1',
      timeZone: 'Asia/Kolkata',
      attributes: { plan: 'pro', region: 'EU' },
    });
    const third = await owner.agent.post('/api/v1/contacts').send({ externalId: 'c-1', name: 'Bo' }).expect(200);
    expect(third.body.contact).toMatchObject({ id: first.body.contact.id, email: 'bo@example.test', name: 'Bo' });
  });

  it('refuses an attribute of another type than it was first seen with, an invalid zone and a bad email', async () => {
    const owner = await signUpOwner(h.app);
    await owner.agent
      .post('/api/v1/contacts')
      .send({ email: 'a@example.test', attributes: { seats: 5 } })
      .expect(200);
    const wrongType = await owner.agent
      .post('/api/v1/contacts')
      .send({ email: 'b@example.test', attributes: { seats: 'five' } })
      .expect(400);
    expect(wrongType.body.error.details).toEqual([
      { path: 'body.attributes.seats', message: expect.stringContaining('number') },
    ]);
    const zone = await owner.agent
      .post('/api/v1/contacts')
      .send({ email: 'b@example.test', timeZone: 'Mars/Olympus' })
      .expect(400);
    expect(zone.body.error.details[0].path).toBe('body.timeZone');
    const email = await owner.agent.post('/api/v1/contacts').send({ email: 'not-an-email' }).expect(400);
    expect(email.body.error.details[0].path).toBe('body.email');
  });

  it('lists with search and attribute filters typed like the attribute', async () => {
    const owner = await signUpOwner(h.app);
    await owner.agent
      .post('/api/v1/contacts')
      .send({ email: 'carla@example.test', name: 'Carla', attributes: { seats: 10, plan: 'pro' } });
    await owner.agent
      .post('/api/v1/contacts')
      .send({ email: 'dan@example.test', name: 'Dan', attributes: { seats: 2, plan: 'free' } });
    const bySearch = ContactsResponse.parse((await owner.agent.get('/api/v1/contacts?q=carl').expect(200)).body);
    expect(bySearch.contacts.map((c) => c.name)).toEqual(['Carla']);
    const byAttr = ContactsResponse.parse((await owner.agent.get('/api/v1/contacts?attr.seats=2').expect(200)).body);
    expect(byAttr.contacts.map((c) => c.name)).toEqual(['Dan']);
    const unknown = await owner.agent.get('/api/v1/contacts?plan=pro').expect(400);
    expect(unknown.body.error.details[0].path).toBe('query.plan');
  });

  it('keeps personal data from viewers', async () => {
    const owner = await signUpOwner(h.app);
    const viewer = await addTeammate(h.app, owner.organisationId, 'viewer');
    await viewer.agent.get('/api/v1/contacts').expect(403);
  });

  it('erases a contact: personal data gone, the anonymous record stays, the email is free again', async () => {
    const owner = await signUpOwner(h.app);
    const { body } = await owner.agent
      .post('/api/v1/contacts')
      .send({ email: 'eve@example.test', externalId: 'e-1', name: 'Eve', attributes: { plan: 'pro' } });
    await owner.agent.delete(`/api/v1/contacts/${body.contact.id}`).expect(204);
    const res = ContactResponse.parse((await owner.agent.get(`/api/v1/contacts/${body.contact.id}`).expect(200)).body);
    expect(res.contact).toMatchObject({ email: null, externalId: null, name: null, attributes: {} });
    expect(res.contact.erasedAt).not.toBeNull();
    expect(res.timeline.map((e) => e.summary)).toEqual(['Personal data erased on request']);
    const again = await owner.agent.post('/api/v1/contacts').send({ email: 'eve@example.test' }).expect(200);
    expect(again.body.contact.id).not.toBe(body.contact.id);
  });
});
