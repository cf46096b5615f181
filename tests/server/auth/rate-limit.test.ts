import type { Express } from 'express';
import request from 'supertest';

import { createApp } from '../../../server/src/app';
import { signUpAccount } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

const LIMIT = 3;
let h: Harness;
beforeAll(async () => (h = await startHarness({ RATE_LIMIT_LOGIN: String(LIMIT) })));
afterAll(() => h.close());

/** The same app on the same services, configured to sit behind `hops` reverse proxies. */
const behindProxies = (hops: number): Express => createApp({ ...h, config: { ...h.config, TRUST_PROXY_HOPS: hops } });

/** Log-in attempts answered, as `[processed, refused]`: processed means the password was checked. */
async function attempt(app: Express, email: string, count: number, forwardedFor?: string) {
  const answers = [];
  for (let i = 0; i < count; i++) {
    const req = request(app).post('/api/v1/auth/login');
    if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
    answers.push(await req.send({ email, password: 'a wrong password' }));
  }
  return tally(answers);
}

function tally(answers: request.Response[]) {
  const refused = answers.filter((r) => r.status === 429);
  const processed = answers.filter((r) => r.status !== 429);
  return { processed: processed.length, refused: refused.length, answers: { processed, refused } };
}

describe('log-in rate limit', () => {
  it('when 20 log-ins for one email arrive at once, then exactly 3 are processed and 17 answer 429 with Retry-After', async () => {
    const owner = await signUpAccount(h.app);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(h.app)
          .post('/api/v1/auth/login')
          // One of them has the right password: being right does not buy extra attempts.
          .send({ email: owner.email, password: i === 0 ? owner.password : 'a wrong password' }),
      ),
    );
    const { processed, refused, answers: by } = tally(answers);
    expect({ processed, refused }).toEqual({ processed: LIMIT, refused: 20 - LIMIT });
    for (const res of by.processed) {
      expect(res.status === 200 || res.body.error?.code === 'invalid_credentials').toBe(true);
    }
    for (const res of by.refused) {
      expect(res.body.error.code).toBe('rate_limited');
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(900);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('when one account has used its attempts, then another account from the same client still has its own', async () => {
    const [first, second] = [await signUpAccount(h.app), await signUpAccount(h.app)];
    expect(await attempt(h.app, first.email, LIMIT + 1)).toMatchObject({ processed: LIMIT, refused: 1 });
    expect(await attempt(h.app, second.email, 1)).toMatchObject({ processed: 1, refused: 0 });
  });

  it('when the app trusts one proxy, then two clients behind it (by X-Forwarded-For) have separate budgets', async () => {
    const owner = await signUpAccount(h.app);
    const app = behindProxies(1);
    expect(await attempt(app, owner.email, LIMIT + 1, '203.0.113.1')).toMatchObject({ processed: LIMIT, refused: 1 });
    expect(await attempt(app, owner.email, LIMIT + 1, '203.0.113.2')).toMatchObject({ processed: LIMIT, refused: 1 });
  });

  it('when the app trusts one proxy, then a client cannot buy a new budget by prepending addresses of its own', async () => {
    const owner = await signUpAccount(h.app);
    const app = behindProxies(1);
    expect(await attempt(app, owner.email, LIMIT, '198.51.100.9')).toMatchObject({ processed: LIMIT });
    // The proxy appends the address it saw; whatever the client put before it is not trusted.
    expect(await attempt(app, owner.email, 1, '10.0.0.1, 198.51.100.9')).toMatchObject({ refused: 1 });
  });

  it('when the app trusts no proxy (the default), then X-Forwarded-For is ignored and every address shares one budget', async () => {
    const owner = await signUpAccount(h.app);
    expect(h.config.TRUST_PROXY_HOPS).toBe(0);
    expect(await attempt(h.app, owner.email, LIMIT, '203.0.113.1')).toMatchObject({ processed: LIMIT });
    expect(await attempt(h.app, owner.email, 1, '203.0.113.2')).toMatchObject({ processed: 0, refused: 1 });
    expect(await attempt(h.app, owner.email, 1)).toMatchObject({ processed: 0, refused: 1 });
  });

  it('when one client tries many different accounts, then it is stopped after ten times the per-account limit', async () => {
    const app = behindProxies(1);
    const answers = [];
    for (let i = 0; i < LIMIT * 10 + 2; i++) {
      answers.push(await attempt(app, `nobody-${i}@example.test`, 1, '192.0.2.77'));
    }
    expect(answers.filter((a) => a.processed === 1)).toHaveLength(LIMIT * 10);
    expect(answers.slice(-2).map((a) => a.refused)).toEqual([1, 1]);
  });
});
