import { randomUUID } from 'node:crypto';

import { boundJobs } from '../../lib/jobs';

/**
 * One writer at a time per organisation's term counters. FerretDB applies `$inc` and conditional
 * `$set` as read-modify-write without isolation: 40 concurrent `$inc: 1` on one document were
 * measured to leave 5, and 40 version-checked updates that all reported a match left 13. Redis
 * `SET NX PX` is atomic, so holding its lease while reading a comment's previous contribution and
 * writing the counters makes every counter update sequential. The lease expires on its own if
 * its holder dies, and is renewed while a long rebuild holds it.
 */
const LEASE_MS = 30_000;
const RENEW_MS = 10_000;
const WAIT_MS = 60_000;
const POLL_MS = 15;

// Deletes or extends the lease only if it is still ours (another holder may own it after expiry).
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export const counterLockKey = (organisationId: string) => `pulse:insights:counters:${organisationId}`;

export class CounterLockTimeout extends Error {}

export async function withCounterLock<T>(organisationId: string, work: () => Promise<T>): Promise<T> {
  const redis = boundJobs().redis;
  const key = counterLockKey(organisationId);
  const token = randomUUID();
  const deadline = Date.now() + WAIT_MS;
  while ((await redis.set(key, token, 'PX', LEASE_MS, 'NX')) !== 'OK') {
    // The job retries with backoff: better than a worker slot blocked on a busy organisation.
    if (Date.now() > deadline) throw new CounterLockTimeout(`insight counters of ${organisationId} stayed busy`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS + Math.random() * POLL_MS));
  }
  const renew = setInterval(() => void redis.eval(RENEW, 1, key, token, LEASE_MS).catch(() => undefined), RENEW_MS);
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await redis.eval(RELEASE, 1, key, token);
  }
}
