import request from 'supertest';

import { InvitationModel } from '../../../server/src/modules/members/invitation.model';
import { MembershipModel } from '../../../server/src/modules/members/membership.model';
import { addTeammate, createApiKey, signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { linksIn, waitForMail } from '../../setup/mail';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

/** `inviter` invites a new address as `role`; returns the address and the emailed token. */
async function invitationFrom(inviter: Teammate, role: 'admin' | 'editor') {
  const email = uniqueEmail('invitee');
  await inviter.agent.post('/api/v1/invitations').send({ email, role }).expect(201);
  const [mail] = await waitForMail(email);
  return { email, token: new URL(linksIn(mail!)[0]!).searchParams.get('token')! };
}

const accept = (token: string) =>
  request(h.app).post('/api/v1/invitations/accept').send({ token, name: 'Ivo', password: 'violet kettle marching' });

describe('an invitation does not outlive its inviter’s rights', () => {
  it('when the admin who invited an admin has been removed, then the invitation is void and nobody joins', async () => {
    const owner = await signUpOwner(h.app);
    const admin = await addTeammate(h.app, owner.organisationId, 'admin');
    const { token } = await invitationFrom(admin, 'admin');
    await owner.agent.delete(`/api/v1/members/${admin.membershipId}`).expect(204);
    const res = await accept(token);
    expect(res.status).toBe(404);
    expect(await MembershipModel.countDocuments({ organisationId: owner.organisationId })).toBe(1);
    const [invitation] = await InvitationModel.find({ organisationId: owner.organisationId }).lean();
    expect(invitation?.state).toBe('revoked');
  });

  it('when the inviter was demoted below the invited role, then the invitation is void', async () => {
    const owner = await signUpOwner(h.app);
    const admin = await addTeammate(h.app, owner.organisationId, 'admin');
    const { token } = await invitationFrom(admin, 'editor');
    await owner.agent.patch(`/api/v1/members/${admin.membershipId}`).send({ role: 'viewer' }).expect(200);
    expect((await accept(token)).status).toBe(404);
  });

  it('when the inviter still holds the rights, then the invitation works', async () => {
    const owner = await signUpOwner(h.app);
    const admin = await addTeammate(h.app, owner.organisationId, 'admin');
    const { token } = await invitationFrom(admin, 'editor');
    await accept(token).expect(200);
  });

  it('when the teammate who made an API key has left, then the key list says "(removed)" beside their name', async () => {
    const owner = await signUpOwner(h.app);
    const admin = await addTeammate(h.app, owner.organisationId, 'admin');
    await createApiKey(admin, ['surveys:read']);
    await owner.agent.delete(`/api/v1/members/${admin.membershipId}`).expect(204);
    const { body } = await owner.agent.get('/api/v1/api-keys').expect(200);
    expect(body.apiKeys[0].createdBy).toMatch(/ \(removed\)$/);
  });
});
