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
});
