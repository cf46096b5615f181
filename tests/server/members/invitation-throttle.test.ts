import { InvitationModel } from '../../../server/src/modules/members/invitation.model';
import { signUpOwner, uniqueEmail } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('invitations are bounded', () => {
  it('when one address is invited again, then only the newest invitation stays valid', async () => {
    const owner = await signUpOwner(h.app);
    const email = uniqueEmail('invitee');
    await owner.agent.post('/api/v1/invitations').send({ email, role: 'viewer' }).expect(201);
    await owner.agent.post('/api/v1/invitations').send({ email, role: 'editor' }).expect(201);
    const pending = await InvitationModel.find({
      organisationId: owner.organisationId,
      email,
      state: 'pending',
    }).lean();
    expect(pending.map((i) => i.role)).toEqual(['editor']);
  });

  it('when one address is invited over and over, then the fourth in an hour answers 429 and sends nothing', async () => {
    const owner = await signUpOwner(h.app);
    const email = uniqueEmail('target');
    for (let i = 0; i < 3; i++)
      await owner.agent.post('/api/v1/invitations').send({ email, role: 'viewer' }).expect(201);
    const res = await owner.agent.post('/api/v1/invitations').send({ email, role: 'viewer' });
    expect(res.status).toBe(429);
    expect(res.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(await InvitationModel.countDocuments({ organisationId: owner.organisationId, email })).toBe(3);
    // Another address is still open to the same organisation.
    await owner.agent
      .post('/api/v1/invitations')
      .send({ email: uniqueEmail('other'), role: 'viewer' })
      .expect(201);
  });

  it('when the inviter has not confirmed their email, then it answers 403 email_unverified and mails nobody', async () => {
    const owner = await signUpOwner(h.app, {}, { verified: false });
    const email = uniqueEmail('stranger');
    const res = await owner.agent.post('/api/v1/invitations').send({ email, role: 'viewer' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('email_unverified');
    expect(await InvitationModel.countDocuments({ organisationId: owner.organisationId })).toBe(0);
  });

  it('when an invitation is resent over and over, then resends spend the same per-address budget and the fourth answers 429', async () => {
    const owner = await signUpOwner(h.app);
    const email = uniqueEmail('resent');
    const first = await owner.agent.post('/api/v1/invitations').send({ email, role: 'viewer' }).expect(201);
    let id = first.body.id as string;
    for (let i = 0; i < 2; i++) {
      const again = await owner.agent.post(`/api/v1/invitations/${id}/resend`).expect(201);
      id = again.body.invitation.id;
    }
    const res = await owner.agent.post(`/api/v1/invitations/${id}/resend`);
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(await InvitationModel.countDocuments({ organisationId: owner.organisationId, email })).toBe(3);
    expect(
      await InvitationModel.countDocuments({ organisationId: owner.organisationId, _id: id, state: 'pending' }),
    ).toBe(1);
  });
});
