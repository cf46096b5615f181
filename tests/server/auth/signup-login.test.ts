import request from 'supertest';

import { SessionResponse } from '@pulse/shared/schemas/auth';

import { UserModel } from '../../../server/src/modules/auth/user.model';
import { MembershipModel } from '../../../server/src/modules/members/membership.model';
import { OrganisationModel } from '../../../server/src/modules/organisations/organisation.model';
import { PASSWORD, buildSignup, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { linksIn, waitForMail } from '../../setup/mail';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

const cookieOf = (res: request.Response) => String(res.headers['set-cookie']?.[0] ?? '');

describe('sign-up', () => {
  it('creates the organisation and its owner, signs nobody in, and stores only an argon2id hash', async () => {
    const body = buildSignup();
    const res = await request(h.app).post('/api/v1/auth/signup').send(body).expect(202);
    expect(res.body).toEqual({ status: 'accepted' });
    expect(res.headers['set-cookie']).toBeUndefined();

    const user = await UserModel.findOne({ email: body.email }).lean();
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user!.emailVerifiedAt).toBeNull();
    const membership = await MembershipModel.findOne({ userId: user!._id }).setOptions({ crossTenant: true }).lean();
    expect(membership).toMatchObject({ role: 'owner' });
    const org = await OrganisationModel.findById(membership!.organisationId).lean();
    expect(org).toMatchObject({ name: body.organisationName, timeZone: 'UTC', defaultLanguage: 'en' });

    // The new owner logs in with the password they chose; the test server runs the outbox and says so.
    const login = await request(h.app)
      .post('/api/v1/auth/login')
      .send({ email: body.email, password: body.password })
      .expect(200);
    const session = SessionResponse.parse(login.body);
    expect(session).toMatchObject({ role: 'owner', user: { email: body.email, emailVerified: false } });
    expect(session.features).toEqual({ outbox: true });
  });

  it('sets an httpOnly, SameSite=Lax session cookie that is not Secure over plain http in development', async () => {
    const body = buildSignup();
    await request(h.app).post('/api/v1/auth/signup').send(body).expect(202);
    const res = await request(h.app)
      .post('/api/v1/auth/login')
      .send({ email: body.email, password: body.password })
      .expect(200);
    const cookie = cookieOf(res);
    expect(cookie).toMatch(/^pulse\.sid=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toMatch(/Expires=/);
    expect(cookie).not.toContain('Secure');
  });

  it('sends a verification email whose link confirms the address once', async () => {
    const owner = await signUpOwner(h.app, {}, { verified: false });
    const [mail] = await waitForMail(owner.email);
    expect(mail!.subject).toBe('Confirm your email address for Pulse');
    const token = new URL(linksIn(mail!)[0]!).searchParams.get('token')!;
    expect((await owner.agent.get('/api/v1/auth/session').expect(200)).body.user.emailVerified).toBe(false);

    await request(h.app).post('/api/v1/auth/verify-email').send({ token }).expect(204);
    const me = await owner.agent.get('/api/v1/auth/session').expect(200);
    expect(me.body.user.emailVerified).toBe(true);
    const again = await request(h.app).post('/api/v1/auth/verify-email').send({ token }).expect(404);
    expect(again.body.error.code).toBe('not_found');
  });

  // Finding 6: the old answer (409 "An account with this email already exists") told anyone
  // which addresses have accounts.
  it('when the email is taken, then it answers exactly as for a new one, mails the owner instead and creates nothing', async () => {
    const owner = await signUpOwner(h.app);
    await waitForMail(owner.email);
    const fresh = await request(h.app).post('/api/v1/auth/signup').send(buildSignup()).expect(202);
    const orgsBefore = await OrganisationModel.countDocuments();
    const usersBefore = await UserModel.countDocuments();

    const taken = await request(h.app)
      .post('/api/v1/auth/signup')
      .send(buildSignup({ email: owner.email.toUpperCase() }));
    expect({ status: taken.status, body: taken.body }).toEqual({ status: fresh.status, body: fresh.body });
    expect(taken.headers['set-cookie']).toBeUndefined();
    expect(await OrganisationModel.countDocuments()).toBe(orgsBefore);
    expect(await UserModel.countDocuments()).toBe(usersBefore);

    const mails = await waitForMail(owner.email, 2);
    const notice = mails.find((m) => m.subject === 'You already have a Pulse account');
    expect(notice).toBeDefined();
    expect(linksIn(notice!).some((l) => l.endsWith('/login'))).toBe(true);
  });
});

describe('bad input on sign-up and log-in', () => {
  it.each([
    ['an unknown field', { ...buildSignup(), isAdmin: true }, 'body'],
    ['an operator instead of an email', { ...buildSignup(), email: { $ne: null } }, 'body.email'],
    ['a 50,000-character password', buildSignup({ password: 'x'.repeat(50_000) }), 'body.password'],
    ['a too-short password', buildSignup({ password: 'short' }), 'body.password'],
  ])('when the body has %s, then it answers 400 naming the field', async (_what, body, path) => {
    const before = await UserModel.countDocuments();
    const res = await request(h.app).post('/api/v1/auth/signup').send(body).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await UserModel.countDocuments()).toBe(before);
  });

  it('refuses a __proto__ key instead of letting it through', async () => {
    const res = await request(h.app)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":"a@example.test","password":"x","__proto__":{"admin":true}}')
      .expect(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('never lets {"$ne": null} log in', async () => {
    await signUpOwner(h.app);
    const res = await request(h.app)
      .post('/api/v1/auth/login')
      .send({ email: { $ne: null }, password: { $ne: null } });
    expect(res.status).toBe(400);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('log-in and log-out', () => {
  it('answers the same 401 for a wrong password and an unknown email', async () => {
    const owner = await signUpOwner(h.app);
    const wrong = await request(h.app)
      .post('/api/v1/auth/login')
      .send({ email: owner.email, password: 'wrong password' });
    const unknown = await request(h.app)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@example.test', password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it('gives a new session id at log-in, and the old one stops working', async () => {
    const owner = await signUpOwner(h.app);
    const before = await request(h.app).post('/api/v1/auth/login').send({ email: owner.email, password: PASSWORD });
    const oldCookie = cookieOf(before).split(';')[0]!;
    const after = await request(h.app)
      .post('/api/v1/auth/login')
      .set('Cookie', oldCookie)
      .send({ email: owner.email, password: PASSWORD })
      .expect(200);
    const newCookie = cookieOf(after).split(';')[0]!;
    expect(newCookie).toMatch(/^pulse\.sid=/);
    expect(newCookie).not.toEqual(oldCookie);
    await request(h.app).get('/api/v1/auth/session').set('Cookie', oldCookie).expect(401);
    await request(h.app).get('/api/v1/auth/session').set('Cookie', newCookie).expect(200);
  });

  it('makes a copied cookie stop working after log-out', async () => {
    const owner = await signUpOwner(h.app);
    const login = await request(h.app).post('/api/v1/auth/login').send({ email: owner.email, password: PASSWORD });
    const copied = cookieOf(login).split(';')[0]!;
    await request(h.app).get('/api/v1/auth/session').set('Cookie', copied).expect(200);
    await request(h.app).post('/api/v1/auth/logout').set('Cookie', copied).expect(204);
    const after = await request(h.app).get('/api/v1/auth/session').set('Cookie', copied).expect(401);
    expect(after.body.error.code).toBe('unauthenticated');
    // The owner's other session (from sign-up) is unaffected by this log-out.
    await owner.agent.get('/api/v1/auth/session').expect(200);
  });

  it('refuses a cross-site POST carrying the session cookie', async () => {
    const owner = await signUpOwner(h.app);
    const bySite = await owner.agent
      .post('/api/v1/invitations')
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ email: 'x@example.test', role: 'viewer' })
      .expect(403);
    expect(bySite.body.error.code).toBe('csrf_rejected');
    const byOrigin = await owner.agent.post('/api/v1/auth/logout').set('Origin', 'https://evil.example').expect(403);
    expect(byOrigin.body.error.code).toBe('csrf_rejected');
    await owner.agent.get('/api/v1/auth/session').expect(200);
    await owner.agent.post('/api/v1/auth/logout').set('Sec-Fetch-Site', 'same-origin').expect(204);
  });
});
