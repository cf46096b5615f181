import request from 'supertest';

import { MyOrganisationsResponse, SessionResponse } from '@pulse/shared/schemas/auth';

import { PASSWORD, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { linksIn, waitForMail } from '../../setup/mail';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

/** Someone who owns one organisation and joined another as a viewer. */
async function personInTwoOrganisations() {
  const home = await signUpOwner(h.app);
  const other = await signUpOwner(h.app);
  await other.agent.post('/api/v1/invitations').send({ email: home.email, role: 'viewer' }).expect(201);
  const mail = (await waitForMail(home.email, 2)).find((m) => m.subject.includes('invited you'))!;
  const token = new URL(linksIn(mail)[0]!).searchParams.get('token')!;
  await request(h.app).post('/api/v1/invitations/accept').send({ token, password: PASSWORD }).expect(200);
  return { home, other };
}

describe('belonging to several organisations', () => {
  it('lists every organisation of the person, with their role in each and the current one marked', async () => {
    const { home, other } = await personInTwoOrganisations();
    const res = await home.agent.get('/api/v1/auth/organisations').expect(200);
    const { organisations } = MyOrganisationsResponse.parse(res.body);
    expect(organisations).toHaveLength(2);
    expect(organisations.find((o) => o.id === home.organisationId)).toMatchObject({ role: 'owner', current: true });
    expect(organisations.find((o) => o.id === other.organisationId)).toMatchObject({ role: 'viewer', current: false });
  });

  it('switches the session to another of their organisations, with the role they have there and a new session id', async () => {
    const { home, other } = await personInTwoOrganisations();
    const res = await home.agent
      .post('/api/v1/auth/switch-organisation')
      .send({ organisationId: other.organisationId })
      .expect(200);
    expect(res.headers['set-cookie']?.[0]).toMatch(/^pulse\.sid=/);
    expect(SessionResponse.parse(res.body)).toMatchObject({
      role: 'viewer',
      organisation: { id: other.organisationId },
    });
    // Now a viewer: managing keys is refused here, and the next log-in opens in this organisation.
    await home.agent
      .post('/api/v1/api-keys')
      .send({ name: 'k', scopes: ['surveys:read'] })
      .expect(403);
    const login = await request(h.app).post('/api/v1/auth/login').send({ email: home.email, password: PASSWORD });
    expect(login.body.organisation.id).toBe(other.organisationId);
  });

  it('answers 404 for an organisation the person does not belong to, and the session stays where it was', async () => {
    const owner = await signUpOwner(h.app);
    const stranger = await signUpOwner(h.app);
    const res = await owner.agent
      .post('/api/v1/auth/switch-organisation')
      .send({ organisationId: stranger.organisationId })
      .expect(404);
    expect(res.body.error.code).toBe('not_found');
    const me = await owner.agent.get('/api/v1/auth/session').expect(200);
    expect(me.body.organisation.id).toBe(owner.organisationId);
  });
});
