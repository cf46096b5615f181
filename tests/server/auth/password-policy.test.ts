import request from 'supertest';

import { UserModel } from '../../../server/src/modules/auth/user.model';
import { buildSignup, inviteTeammate, signUpOwner, type Teammate } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { linksIn, waitForMail } from '../../setup/mail';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

// Each passed the 10-character minimum before.
const WEAK = ['aaaaaaaaaa', 'password12', ' '.repeat(10), 'qwertyuiop', '1234567890', 'iloveyou2020'];
const STRONG = 'violet kettle marching sideways';

const reset = {
  request: (email: string) => request(h.app).post('/api/v1/auth/password-reset/request').send({ email }).expect(202),
  complete: (token: string, password: string) =>
    request(h.app).post('/api/v1/auth/password-reset/complete').send({ token, password }),
};

/** The reset tokens in every reset mail `t` has received so far, oldest first. */
async function resetTokens(t: Teammate, expectedMails: number): Promise<string[]> {
  const mails = await waitForMail(t.email, expectedMails);
  return mails
    .filter((m) => m.subject === 'Reset your Pulse password')
    .map((m) => new URL(linksIn(m)[0]!).searchParams.get('token')!);
}

const logIn = (email: string, password: string) => request(h.app).post('/api/v1/auth/login').send({ email, password });

describe('new passwords must be hard to guess', () => {
  it.each(WEAK)(
    'when signing up with %j, then it answers 400 on body.password and creates nothing',
    async (password) => {
      const body = buildSignup({ password });
      const res = await request(h.app).post('/api/v1/auth/signup').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'body.password' })]);
      expect(await UserModel.countDocuments({ email: body.email })).toBe(0);
    },
  );

  it('when the password is built from the person’s own email, then it is refused', async () => {
    const body = buildSignup();
    const local = body.email.split('@')[0]!;
    const res = await request(h.app)
      .post('/api/v1/auth/signup')
      .send({ ...body, password: `${local}2026` });
    expect(res.status).toBe(400);
  });

  it('when changing to a weak password or to the current one, then it answers 400 on body.newPassword', async () => {
    const owner = await signUpOwner(h.app);
    for (const newPassword of ['password12', owner.password]) {
      const res = await owner.agent
        .post('/api/v1/auth/password')
        .send({ currentPassword: owner.password, newPassword });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'body.newPassword' })]);
    }
    await logIn(owner.email, owner.password).expect(200);
  });

  it('when a reset chooses a weak password or the current one, then it answers 400 and the link still works', async () => {
    const owner = await signUpOwner(h.app);
    await reset.request(owner.email);
    const [token] = await resetTokens(owner, 2);
    for (const password of ['aaaaaaaaaa', owner.password]) {
      const res = await reset.complete(token!, password);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'body.password' })]);
    }
    await reset.complete(token!, STRONG).expect(204);
    await logIn(owner.email, STRONG).expect(200);
  });

  it('when an invitee without an account picks a weak password, then it answers 400 and joins nobody', async () => {
    const owner = await signUpOwner(h.app);
    const invitation = await inviteTeammate(owner, 'viewer');
    const [mail] = await waitForMail(invitation.email);
    const token = new URL(linksIn(mail!)[0]!).searchParams.get('token')!;
    const res = await request(h.app)
      .post('/api/v1/invitations/accept')
      .send({ token, name: 'Ivo', password: 'password12' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'body.password' })]);
    expect(await UserModel.countDocuments({ email: invitation.email })).toBe(0);
  });
});

describe('a completed reset or password change ends every outstanding reset link', () => {
  it('when a second reset link is used, then the first one no longer works', async () => {
    const owner = await signUpOwner(h.app);
    await reset.request(owner.email);
    await reset.request(owner.email);
    const [first, second] = await resetTokens(owner, 3);
    await reset.complete(second!, STRONG).expect(204);
    const res = await reset.complete(first!, 'another violet kettle');
    expect(res.status).toBe(404);
    await logIn(owner.email, STRONG).expect(200);
  });

  it('when the password is changed in a session, then an earlier reset link no longer works', async () => {
    const owner = await signUpOwner(h.app);
    await reset.request(owner.email);
    const [token] = await resetTokens(owner, 2);
    await owner.agent
      .post('/api/v1/auth/password')
      .send({ currentPassword: owner.password, newPassword: STRONG })
      .expect(204);
    expect((await reset.complete(token!, 'another violet kettle')).status).toBe(404);
    await logIn(owner.email, STRONG).expect(200);
  });
});
