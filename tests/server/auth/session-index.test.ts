import { PASSWORD, signUpOwner, type Teammate } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const FOURTEEN_DAYS = 14 * 86_400;

/**
 * Redis keeps, per user, the set of their session ids, so a password change can end them all.
 * The set must outlive every session in it, and no longer.
 */
const indexKey = (t: Teammate) => `user-sessions:${t.session.user.id}`;

async function sessionTtls(t: Teammate) {
  const sids = await h.redis.smembers(indexKey(t));
  return Promise.all(sids.map((sid) => h.redis.ttl(`sess:${sid}`)));
}

describe('the per-user index of sessions', () => {
  it('when a user signs in, then the index gets an expiry, no sooner than their longest session', async () => {
    const owner = await signUpOwner(h.app);
    await owner.agent.post('/api/v1/auth/login').send({ email: owner.email, password: PASSWORD }).expect(200);

    const ttl = await h.redis.ttl(indexKey(owner));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(FOURTEEN_DAYS);
    const live = (await sessionTtls(owner)).filter((t) => t > 0);
    expect(live.length).toBeGreaterThanOrEqual(1);
    expect(ttl).toBeGreaterThanOrEqual(Math.max(...live));
  });

  it('when a session is kept alive by requests, then the index is kept alive with it', async () => {
    const owner = await signUpOwner(h.app);
    await h.redis.expire(indexKey(owner), 5);

    await owner.agent.get('/api/v1/auth/session').expect(200);
    const [sessionTtl] = await sessionTtls(owner);
    expect(sessionTtl).toBeGreaterThan(FOURTEEN_DAYS - 60);
    expect(await h.redis.ttl(indexKey(owner))).toBeGreaterThanOrEqual(sessionTtl!);
  });
});
