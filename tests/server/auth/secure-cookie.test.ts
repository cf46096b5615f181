import request from 'supertest';

import { PASSWORD, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

// Production behind one TLS-terminating proxy: its own harness, so its own file.
let h: Harness;
beforeAll(
  async () =>
    (h = await startHarness({
      NODE_ENV: 'production',
      TRUST_PROXY_HOPS: '1',
      PUBLIC_URL: 'https://pulse.example.test',
      SECRET_KEY: 'x'.repeat(40),
    })),
);
afterAll(() => h.close());

const logIn = (email: string) => request(h.app).post('/api/v1/auth/login').send({ email, password: PASSWORD });

describe('the session cookie in production', () => {
  it('when the proxy says the client used https, then the session cookie is Secure, httpOnly and SameSite=Lax', async () => {
    const owner = await signUpOwner(h.app);
    const res = await logIn(owner.email).set('X-Forwarded-Proto', 'https').expect(200);
    const cookie = String(res.headers['set-cookie']?.[0] ?? '');
    expect(cookie).toMatch(/^pulse\.sid=/);
    expect(cookie.split('; ')).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax']));

    const session = await request(h.app)
      .get('/api/v1/auth/session')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', cookie.split(';')[0]!)
      .expect(200);
    expect(session.body.user.email).toBe(owner.email);
  });

  it('when the request reached the app over plain http, then no session cookie is sent at all', async () => {
    const owner = await signUpOwner(h.app);
    const res = await logIn(owner.email).expect(200);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
