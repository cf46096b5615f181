import request from 'supertest';

import { MembersResponse, ResentInvitation } from '@pulse/shared/schemas/members';

import { addTeammate, inviteTeammate, signUpOwner, uniqueEmail } from '../../factories/accounts';
import { linksIn, waitForMail } from '../../setup/mail';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

const tokenIn = (url: string) => new URL(url).searchParams.get('token')!;

describe('resending a pending invitation', () => {
  it('then a new link is mailed and returned, the old link stops working, and one invitation stays pending', async () => {
    const owner = await signUpOwner(h.app);
    const email = uniqueEmail('resent');
    const first = await inviteTeammate(owner, 'editor', email);
    const [firstMail] = await waitForMail(email);
    const oldToken = tokenIn(linksIn(firstMail!).find((l) => l.includes('/accept-invite?token='))!);

    const res = await owner.agent.post(`/api/v1/invitations/${first.id}/resend`).expect(201);
    const resent = ResentInvitation.parse(res.body);
    expect(resent.invitation).toMatchObject({ email, role: 'editor' });

    const mails = await waitForMail(email, 2);
    expect(mails.flatMap(linksIn)).toContain(resent.url);
    await request(h.app)
      .get('/api/v1/invitations/preview')
      .query({ token: tokenIn(resent.url) })
      .expect(200);
    await request(h.app).get('/api/v1/invitations/preview').query({ token: oldToken }).expect(404);

    const team = MembersResponse.parse((await owner.agent.get('/api/v1/members').expect(200)).body);
    expect(team.invitations.map((i) => i.email)).toEqual([email]);
  });

  it('when an editor asks, then it answers 403 and nothing is sent', async () => {
    const owner = await signUpOwner(h.app);
    const invitation = await inviteTeammate(owner, 'viewer');
    const editor = await addTeammate(h.app, owner.organisationId, 'editor');
    await editor.agent.post(`/api/v1/invitations/${invitation.id}/resend`).expect(403);
    expect(await waitForMail(invitation.email)).toHaveLength(1);
  });

  it('when the invitation was revoked, then it answers 404', async () => {
    const owner = await signUpOwner(h.app);
    const invitation = await inviteTeammate(owner, 'viewer');
    await owner.agent.delete(`/api/v1/invitations/${invitation.id}`).expect(204);
    await owner.agent.post(`/api/v1/invitations/${invitation.id}/resend`).expect(404);
  });
});
