import { randomUUID } from 'node:crypto';

import { boundJobs } from './jobs';

/**
 * One holder at a time for a named resource (a document several writers update). FerretDB applies
 * `$inc` and filtered updates as read-modify-write without isolation, so two writers of one
 * document can lose each other's change even when each filter matched; Redis `SET NX PX` is atomic.
 * The lease expires on its own if its holder dies, and is renewed while the work runs. A holder
 * stalled past expiry could overlap the next one: callers still guard their write (a version they
 * read) so such an overlap fails a write rather than corrupting it.
 */
const LEASE_MS = 30_000;
const RENEW_MS = 10_000;
const POLL_MS = 5;

// Deletes or extends the lease only if it is still ours (another holder may own it after expiry).
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export class LeaseTimeout extends Error {}

export async function withLease<T>(key: string, work: () => Promise<T>, opts: { waitMs?: number } = {}): Promise<T> {
  const redis = boundJobs().redis;
  const token = randomUUID();
  const deadline = Date.now() + (opts.waitMs ?? 60_000);
  while ((await redis.set(key, token, 'PX', LEASE_MS, 'NX')) !== 'OK') {
    // A job then retries with backoff: better than a worker slot blocked on a busy resource.
    if (Date.now() > deadline) throw new LeaseTimeout(`${key} stayed busy`);
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
