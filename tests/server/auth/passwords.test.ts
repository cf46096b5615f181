import request from 'supertest';

import { AuditEventModel } from '../../../server/src/modules/audit/audit-event.model';
import { UserTokenModel } from '../../../server/src/modules/auth/user-token.model';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { PASSWORD, signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { linksIn, waitForMail } from '../../setup/mail';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

const NEW_PASSWORD = 'a much better passphrase';
const RESET_SUBJECT = 'Reset your Pulse password';

const cookieOf = (res: request.Response) => String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;

const logIn = (email: string, password: string) => request(h.app).post('/api/v1/auth/login').send({ email, password });

/** A second, independent session of the same person (another browser). */
async function anotherSession(t: Teammate): Promise<string> {
  return cookieOf(await logIn(t.email, t.password).expect(200));
}

const sessionWith = (cookie: string) => request(h.app).get('/api/v1/auth/session').set('Cookie', cookie);

const auditActions = async (organisationId: string, target: string) =>
  (await h.eventsSettled(), await AuditEventModel.find({ organisationId, target }).sort({ _id: 1 }).lean()).map((e) => [
    e.action,
    e.actorLabel,
  ]);

/** Requests a reset for `t` and returns the token from the mail (the sign-up verification mail came first). */
async function resetToken(t: Teammate): Promise<string> {
  await request(h.app).post('/api/v1/auth/password-reset/request').send({ email: t.email }).expect(202);
  const mails = await waitForMail(t.email, 2);
  const mail = mails.find((m) => m.subject === RESET_SUBJECT)!;
  const link = new URL(linksIn(mail)[0]!);
  expect(`${link.origin}${link.pathname}`).toBe(`${h.config.PUBLIC_URL}/reset-password`);
  return link.searchParams.get('token')!;
}

describe('password reset', () => {
  it('when the email has no account, then it answers 202 all the same and queues no mail', async () => {
    const email = uniqueEmail('nobody');
    const tokensBefore = await UserTokenModel.countDocuments();
    const res = await request(h.app).post('/api/v1/auth/password-reset/request').send({ email }).expect(202);
    expect(res.body).toEqual({ status: 'accepted' });
    // The email document is what the worker sends from: none means nothing can go out.
    expect(await EmailModel.countDocuments({ to: email })).toBe(0);
    expect(await UserTokenModel.countDocuments()).toBe(tokensBefore);
  });

  it('when the email has an account, then it answers the same 202 and a reset mail arrives', async () => {
    const owner = await signUpOwner(h.app);
    const res = await request(h.app)
      .post('/api/v1/auth/password-reset/request')
      .send({ email: owner.email.toUpperCase() })
      .expect(202);
    expect(res.body).toEqual({ status: 'accepted' });
    const mails = await waitForMail(owner.email, 2);
    expect(mails.map((m) => m.subject)).toContain(RESET_SUBJECT);
  });

  it('completing it changes the password, ends every session of the account, and the link works once', async () => {
    const owner = await signUpOwner(h.app);
    const otherBrowser = await anotherSession(owner);
    await sessionWith(otherBrowser).expect(200);
    const token = await resetToken(owner);

    await request(h.app)
      .post('/api/v1/auth/password-reset/complete')
      .send({ token, password: NEW_PASSWORD })
      .expect(204);

    const ended = await owner.agent.get('/api/v1/auth/session').expect(401);
    expect(ended.body.error.code).toBe('unauthenticated');
    await sessionWith(otherBrowser).expect(401);
    await logIn(owner.email, PASSWORD).expect(401);
    await logIn(owner.email, NEW_PASSWORD).expect(200);

    const again = await request(h.app)
      .post('/api/v1/auth/password-reset/complete')
      .send({ token, password: 'yet another passphrase' })
      .expect(404);
    expect(again.body.error.code).toBe('not_found');
    await logIn(owner.email, NEW_PASSWORD).expect(200);
    expect(await auditActions(owner.organisationId, owner.email)).toContainEqual(['auth.password_reset', owner.email]);
  });
});

describe('changing the password', () => {
  it('when the current password is wrong, then it answers 401 naming body.currentPassword and keeps the old password', async () => {
    const owner = await signUpOwner(h.app);
    const res = await owner.agent
      .post('/api/v1/auth/password')
      .send({ currentPassword: 'not my password', newPassword: NEW_PASSWORD })
      .expect(401);
    expect(res.body.error).toMatchObject({
      code: 'invalid_credentials',
      details: [{ path: 'body.currentPassword' }],
    });
    await owner.agent.get('/api/v1/auth/session').expect(200);
    await logIn(owner.email, PASSWORD).expect(200);
    await logIn(owner.email, NEW_PASSWORD).expect(401);
  });

  it('when it succeeds, then other sessions end, this one continues under a new id, and the change is audited', async () => {
    const owner = await signUpOwner(h.app);
    const current = await anotherSession(owner);

    const res = await request(h.app)
      .post('/api/v1/auth/password')
      .set('Cookie', current)
      .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
      .expect(204);
    const rotated = cookieOf(res);
    expect(rotated).toMatch(/^pulse\.sid=/);
    expect(rotated).not.toBe(current);

    await sessionWith(rotated).expect(200);
    await sessionWith(current).expect(401);
    await owner.agent.get('/api/v1/auth/session').expect(401);
    await logIn(owner.email, PASSWORD).expect(401);
    await logIn(owner.email, NEW_PASSWORD).expect(200);
    expect(await auditActions(owner.organisationId, owner.email)).toContainEqual([
      'auth.password_changed',
      owner.email,
    ]);
  });
});
