import request from 'supertest';

import { InvitationPreview } from '@pulse/shared/schemas/members';
import { SessionResponse } from '@pulse/shared/schemas/auth';

import { AuditEventModel } from '../../../server/src/modules/audit/audit-event.model';
import { UserModel } from '../../../server/src/modules/auth/user.model';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { InvitationModel } from '../../../server/src/modules/members/invitation.model';
import { MembershipModel } from '../../../server/src/modules/members/membership.model';
import { PASSWORD, addTeammate, inviteTeammate, signUpOwner, uniqueEmail } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { linksIn, waitForMail } from '../../setup/mail';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

/**
 * The token from the invitation mail to `email`, after checking the link points at the accept
 * page. Someone who signed up first also got a verification mail: `count` says how many to await.
 */
async function tokenMailedTo(email: string, count = 1): Promise<string> {
  const links = (await waitForMail(email, count)).flatMap(linksIn);
  const link = new URL(links.find((l) => l.includes('/accept-invite'))!);
  expect(`${link.origin}${link.pathname}`).toBe(`${h.config.PUBLIC_URL}/accept-invite`);
  return link.searchParams.get('token')!;
}

const invitationState = async (organisationId: string, id: string) =>
  (await InvitationModel.findOne({ _id: id, organisationId }).lean())?.state;

describe('inviting a newcomer', () => {
  it('mails a link whose preview names the organisation and role, and accepting it signs the newcomer in with that role, once', async () => {
    const owner = await signUpOwner(h.app);
    const email = uniqueEmail('newcomer');
    const invitation = await inviteTeammate(owner, 'editor', email);
    expect(invitation).toMatchObject({ email, role: 'editor', invitedBy: owner.session.user.name });

    const [mail] = await waitForMail(email);
    expect(mail!.subject).toBe(`${owner.session.user.name} invited you to ${owner.session.organisation.name} on Pulse`);
    const token = await tokenMailedTo(email);

    const preview = await request(h.app).get('/api/v1/invitations/preview').query({ token }).expect(200);
    expect(InvitationPreview.parse(preview.body)).toEqual({
      organisationName: owner.session.organisation.name,
      email,
      role: 'editor',
      accountExists: false,
    });

    const newcomer = request.agent(h.app);
    const accepted = await newcomer
      .post('/api/v1/invitations/accept')
      .send({ token, name: 'New Comer', password: 'a brand new password' })
      .expect(200);
    expect(String(accepted.headers['set-cookie'])).toMatch(/^pulse\.sid=/);
    const session = SessionResponse.parse((await newcomer.get('/api/v1/auth/session').expect(200)).body);
    expect(session).toMatchObject({
      role: 'editor',
      user: { email, name: 'New Comer', emailVerified: true },
      organisation: { id: owner.organisationId },
    });
    const user = await UserModel.findOne({ email }).lean();
    expect(
      await MembershipModel.countDocuments({ organisationId: owner.organisationId, userId: user!._id, role: 'editor' }),
    ).toBe(1);
    expect(await invitationState(owner.organisationId, invitation.id)).toBe('accepted');
    await request(h.app).post('/api/v1/auth/login').send({ email, password: 'a brand new password' }).expect(200);

    // The link is spent: neither preview nor a second accept works, and nothing more is created.
    const again = await request(h.app)
      .post('/api/v1/invitations/accept')
      .send({ token, name: 'Someone Else', password: 'another password!' })
      .expect(404);
    expect(again.body.error.code).toBe('not_found');
    await request(h.app).get('/api/v1/invitations/preview').query({ token }).expect(404);
    expect(await MembershipModel.countDocuments({ organisationId: owner.organisationId })).toBe(2);

    const team = await owner.agent.get('/api/v1/members').expect(200);
    expect(team.body.members.map((m: { email: string }) => m.email)).toContain(email);
    expect(team.body.invitations).toEqual([]);
  });

  it('records member.invited by the inviter and member.joined by the newcomer in the audit log', async () => {
    const owner = await signUpOwner(h.app);
    const email = uniqueEmail('audited');
    await inviteTeammate(owner, 'viewer', email);
    const token = await tokenMailedTo(email);
    await request(h.app)
      .post('/api/v1/invitations/accept')
      .send({ token, name: 'Audited', password: PASSWORD })
      .expect(200);

    await h.eventsSettled();
    const events = await AuditEventModel.find({ organisationId: owner.organisationId, target: email })
      .sort({ _id: 1 })
      .lean();
    expect(events.map((e) => [e.action, e.actorLabel, e.details])).toEqual([
      ['member.invited', owner.email, { role: 'viewer' }],
      ['member.joined', email, { role: 'viewer' }],
    ]);
  });

  it('when the token is tampered with, then preview and accept answer 404 and nobody is created', async () => {
    const owner = await signUpOwner(h.app);
    const email = uniqueEmail('tampered');
    await inviteTeammate(owner, 'viewer', email);
    const token = await tokenMailedTo(email);
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');

    await request(h.app).get('/api/v1/invitations/preview').query({ token: tampered }).expect(404);
    await request(h.app)
      .post('/api/v1/invitations/accept')
      .send({ token: tampered, name: 'Mallory', password: PASSWORD })
      .expect(404);
    expect(await UserModel.countDocuments({ email })).toBe(0);
  });
});

describe('inviting someone who already has an account', () => {
  it('when they accept with their own password, then they join with the invited role and keep their other organisation', async () => {
    const owner = await signUpOwner(h.app);
    const elsewhere = await signUpOwner(h.app);
    const invitation = await inviteTeammate(owner, 'viewer', elsewhere.email);
    const token = await tokenMailedTo(elsewhere.email, 2);
    const preview = await request(h.app).get('/api/v1/invitations/preview').query({ token }).expect(200);
    expect(preview.body).toMatchObject({ email: elsewhere.email, role: 'viewer', accountExists: true });

    const agent = request.agent(h.app);
    await agent.post('/api/v1/invitations/accept').send({ token, password: elsewhere.password }).expect(200);
    const session = (await agent.get('/api/v1/auth/session').expect(200)).body;
    expect(session).toMatchObject({ role: 'viewer', organisation: { id: owner.organisationId } });

    const userId = elsewhere.session.user.id;
    const roles = await MembershipModel.find({ userId })
      .setOptions({ crossTenant: true })
      .lean()
      .then((ms) => ms.map((m) => [String(m.organisationId), m.role]).sort());
    expect(roles).toEqual(
      [
        [owner.organisationId, 'viewer'],
        [elsewhere.organisationId, 'owner'],
      ].sort(),
    );
    expect(await invitationState(owner.organisationId, invitation.id)).toBe('accepted');
    // Their account is theirs: same user, same password.
    expect(await UserModel.countDocuments({ email: elsewhere.email })).toBe(1);
    await request(h.app).post('/api/v1/auth/login').send({ email: elsewhere.email, password: PASSWORD }).expect(200);
  });

  it('when they give a wrong password, then it answers 401 and creates nothing', async () => {
    const owner = await signUpOwner(h.app);
    const elsewhere = await signUpOwner(h.app);
    const invitation = await inviteTeammate(owner, 'admin', elsewhere.email);
    const token = await tokenMailedTo(elsewhere.email, 2);

    const res = await request(h.app)
      .post('/api/v1/invitations/accept')
      .send({ token, name: 'Impostor', password: 'not their password' })
      .expect(401);
    expect(res.body.error).toMatchObject({ code: 'invalid_credentials', details: [{ path: 'body.password' }] });
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await MembershipModel.countDocuments({ organisationId: owner.organisationId })).toBe(1);
    expect(await invitationState(owner.organisationId, invitation.id)).toBe('pending');
    expect((await UserModel.findOne({ email: elsewhere.email }).lean())!.name).toBe(elsewhere.session.user.name);
  });
});

describe('invitations that cannot be used', () => {
  it('when the invitation was revoked, then preview and accept answer 404 and revoking it again answers 404', async () => {
    const owner = await signUpOwner(h.app);
    const email = uniqueEmail('revoked');
    const invitation = await inviteTeammate(owner, 'editor', email);
    const token = await tokenMailedTo(email);
    await owner.agent.delete(`/api/v1/invitations/${invitation.id}`).expect(204);

    await request(h.app).get('/api/v1/invitations/preview').query({ token }).expect(404);
    const res = await request(h.app)
      .post('/api/v1/invitations/accept')
      .send({ token, name: 'Too Late', password: PASSWORD })
      .expect(404);
    expect(res.body.error.code).toBe('not_found');
    expect(await UserModel.countDocuments({ email })).toBe(0);
    expect(await invitationState(owner.organisationId, invitation.id)).toBe('revoked');
    await owner.agent.delete(`/api/v1/invitations/${invitation.id}`).expect(404);
    await h.eventsSettled();
    const revoked = await AuditEventModel.countDocuments({
      organisationId: owner.organisationId,
      action: 'invitation.revoked',
      target: email,
    });
    expect(revoked).toBe(1);
  });

  it('when the person is already a member, then inviting them answers 409 naming the email and sends nothing', async () => {
    const owner = await signUpOwner(h.app);
    const member = await addTeammate(h.app, owner.organisationId, 'viewer');
    for (const email of [member.email, member.email.toUpperCase(), owner.email]) {
      const res = await owner.agent.post('/api/v1/invitations').send({ email, role: 'editor' }).expect(409);
      expect(res.body.error).toMatchObject({ code: 'conflict', details: [{ path: 'body.email' }] });
    }
    expect(await InvitationModel.countDocuments({ organisationId: owner.organisationId })).toBe(0);
    expect(await EmailModel.countDocuments({ to: member.email })).toBe(0);
  });
});
