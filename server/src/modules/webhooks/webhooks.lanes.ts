import { boundJobs } from '../../lib/jobs';

/**
 * How many deliveries to one endpoint may be in flight at once, across every worker. A receiver
 * that hangs then holds this many of the webhook queue's slots for a timeout each, never all of
 * them, so the other endpoints' messages keep flowing. A slot is also the claim on one attempt
 * (its holder names the delivery, round and attempt): a duplicate job for the same attempt finds
 * it held and does not post, with no database write to claim it.
 */
export const IN_FLIGHT_PER_ENDPOINT = 4;

const key = (endpointId: string) => `pulse:webhook-lane:${endpointId}`;

// Atomic in Redis: drop leases past their expiry (a worker that died), then take one if the holder
// has none yet and a slot is free.
const TAKE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[4]) then return 0 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

/**
 * Takes one of the endpoint's slots for `holder` until `leaseMs` from now; false when all are
 * taken or `holder` already has one. The lease outlives the delivery's timeout, so it only
 * expires when its worker died.
 */
export async function takeLane(endpointId: string, holder: string, leaseMs: number): Promise<boolean> {
  const now = Date.now();
  const taken = await boundJobs().redis.eval(
    TAKE,
    1,
    key(endpointId),
    String(now),
    String(now + leaseMs),
    String(IN_FLIGHT_PER_ENDPOINT),
    holder,
    String(leaseMs),
  );
  return taken === 1;
}

export async function releaseLane(endpointId: string, holder: string): Promise<void> {
  await boundJobs().redis.zrem(key(endpointId), holder);
}
