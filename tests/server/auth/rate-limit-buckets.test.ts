import request from 'supertest';

import { addTeammate, inviteTeammate, signUpOwner, uniqueEmail } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { linksIn, waitForMail } from '../../setup/mail';

const LOGIN = 3;
const RESET = 2;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ RATE_LIMIT_LOGIN: String(LOGIN), RATE_LIMIT_PASSWORD_RESET: String(RESET) });
  h.startWorker();
});
afterAll(() => h.close());

const resetRequest = (email: string) => request(h.app).post('/api/v1/auth/password-reset/request').send({ email });

function expectRateLimited(res: request.Response, maxSeconds: number) {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe('rate_limited');
  // The wait, for the client to show in minutes: in the body and in Retry-After.
  expect(res.body.error.retryAfterSeconds).toBeGreaterThan(0);
  expect(res.body.error.retryAfterSeconds).toBeLessThanOrEqual(maxSeconds);
  expect(Number(res.headers['retry-after'])).toBe(res.body.error.retryAfterSeconds);
}

describe('accepting an invitation with an existing account’s password', () => {
  it('when the password is guessed again and again, then it is refused with 429 after the log-in limit', async () => {
    const owner = await signUpOwner(h.app);
    const other = await signUpOwner(h.app);
    const invitation = await inviteTeammate(owner, 'viewer', other.email);
    const [mail] = (await waitForMail(other.email, 2)).filter((m) => m.subject.includes('invited you'));
    const token = new URL(linksIn(mail!)[0]!).searchParams.get('token')!;
    expect(invitation.email).toBe(other.email);
    const statuses = [];
    for (let i = 0; i < LOGIN + 2; i++) {
      const res = await request(h.app)
        .post('/api/v1/invitations/accept')
        .send({ token, password: `wrong guess ${i}` });
      statuses.push(res.status);
      if (res.status === 429) expectRateLimited(res, 900);
    }
    expect(statuses).toEqual([...Array(LOGIN).fill(401), 429, 429]);
  });
});

describe('account e-mail flows have a bucket each, per account and client', () => {
  it('when one address has used its reset requests, then another address from the same client still has its own', async () => {
    const [a, b] = [uniqueEmail('a'), uniqueEmail('b')];
    for (let i = 0; i < RESET; i++) await resetRequest(a).expect(202);
    expectRateLimited(await resetRequest(a), 3600);
    await resetRequest(b).expect(202);
  });

  it('when reset requests are used up, then resending the verification mail and completing a reset still work', async () => {
    const owner = await signUpOwner(h.app);
    for (let i = 0; i < RESET; i++) await resetRequest(owner.email).expect(202);
    expect((await resetRequest(owner.email)).status).toBe(429);
    await owner.agent.post('/api/v1/auth/resend-verification').expect(202);
    const res = await request(h.app)
      .post('/api/v1/auth/password-reset/complete')
      .send({ token: 'reset_0123456789abcdef01234567_xxxxxxxxxxxx', password: 'violet kettle marching' });
    expect(res.status).toBe(404);
  });

  it('when one teammate has used the resend budget, then a colleague on the same network still has theirs', async () => {
    const owner = await signUpOwner(h.app);
    const colleague = await addTeammate(h.app, owner.organisationId, 'editor');
    for (let i = 0; i < RESET; i++) await owner.agent.post('/api/v1/auth/resend-verification').expect(202);
    expectRateLimited(await owner.agent.post('/api/v1/auth/resend-verification'), 3600);
    await colleague.agent.post('/api/v1/auth/resend-verification').expect(202);
  });
});
