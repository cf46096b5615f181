import request from 'supertest';

import { addTeammate, createApiKey, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { linksIn, waitForMail } from '../../setup/mail';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

const subjects = async (to: string, count: number) => (await waitForMail(to, count)).map((m) => m.subject);

describe('security notifications by email', () => {
  it('when the password is changed in a session, then the account’s address is told', async () => {
    const owner = await signUpOwner(h.app);
    await owner.agent
      .post('/api/v1/auth/password')
      .send({ currentPassword: owner.password, newPassword: 'violet kettle marching' })
      .expect(204);
    expect(await subjects(owner.email, 2)).toContain('Your Pulse password was changed');
  });

  it('when the password is reset by link, then the account’s address is told', async () => {
    const owner = await signUpOwner(h.app);
    await request(h.app).post('/api/v1/auth/password-reset/request').send({ email: owner.email }).expect(202);
    const reset = (await waitForMail(owner.email, 2)).find((m) => m.subject === 'Reset your Pulse password')!;
    const token = new URL(linksIn(reset)[0]!).searchParams.get('token')!;
    await request(h.app)
      .post('/api/v1/auth/password-reset/complete')
      .send({ token, password: 'violet kettle marching' })
      .expect(204);
    expect(await subjects(owner.email, 3)).toContain('Your Pulse password was changed');
  });

  it('when an admin creates an API key, then every owner is told, naming the key', async () => {
    const owner = await signUpOwner(h.app);
    const admin = await addTeammate(h.app, owner.organisationId, 'admin');
    await createApiKey(admin, ['surveys:read'], 'Warehouse sync');
    const mails = await waitForMail(owner.email, 2);
    const notice = mails.find((m) => m.subject === 'A new API key was created in Pulse');
    expect(notice?.text).toContain('Warehouse sync');
  });

  it('when someone’s role is changed, then they are told the old and the new role', async () => {
    const owner = await signUpOwner(h.app);
    const editor = await addTeammate(h.app, owner.organisationId, 'editor');
    await owner.agent.patch(`/api/v1/members/${editor.membershipId}`).send({ role: 'viewer' }).expect(200);
    const [notice] = await waitForMail(editor.email);
    expect(notice?.subject).toMatch(/^Your role in .+ changed$/);
    expect(notice?.text).toContain('from editor to viewer');
  });
});
