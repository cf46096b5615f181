import type { Redis } from 'ioredis';

/**
 * The claim on an invitation's send: a Redis lease, not a conditional update. FerretDB applies a
 * filtered update as read-modify-write without isolation (two racing "queued → sending" updates
 * can both report a match), and on SQLite every update that is not by `_id` alone scans its
 * collection; `SET NX PX` is atomic and costs one Redis round trip.
 *
 * The holder is the BullMQ job id. BullMQ runs a job id in one worker at a time and hands it to
 * another only once its lock expired (its worker died), so the same job id may take its lease
 * back at once after a crash, while any other job for the invitation (a sweep's, a rate-limited
 * retry's) finds it held and leaves the send to that job. A lease whose holder never comes back
 * expires after LEASE_MS; the sweep then re-queues the invitation.
 *
 * The same script counts the takes per invitation, which the send records as `attempts`, and
 * answers whether the SMTP server already accepted this invitation's mail: the send notes that
 * in Redis the moment SMTP answers, before the slower database update. A job whose database
 * write failed (SQLite answers "database is locked" under load) or whose worker died after the
 * note then records `sent` without mailing again, so a duplicate needs a crash in the
 * sub-millisecond gap between the SMTP answer and the note.
 */
export const LEASE_MS = 5 * 60_000;
const ATTEMPTS_TTL_S = 14 * 86_400;

const TAKE = `
local holder = redis.call('get', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
local n = redis.call('incr', KEYS[2])
redis.call('expire', KEYS[2], ARGV[3])
return {n, redis.call('get', KEYS[3])}`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

const leaseKey = (invitationId: string) => `pulse:invitation-send:lease:${invitationId}`;
const attemptsKey = (invitationId: string) => `pulse:invitation-send:attempts:${invitationId}`;
const acceptedKey = (invitationId: string) => `pulse:invitation-send:accepted:${invitationId}`;

/** What the SMTP server answered for an invitation's mail. */
export interface Accepted {
  messageId: string;
  sentAt: Date;
}

/**
 * The attempt number (1, 2, …) when `holder` now holds the lease, 0 when another job holds it;
 * and the SMTP acceptance noted by an earlier attempt, if any.
 */
export async function takeSendLease(
  redis: Redis,
  invitationId: string,
  holder: string,
): Promise<{ attempt: number; accepted: Accepted | null }> {
  const answer = await redis.eval(
    TAKE,
    3,
    leaseKey(invitationId),
    attemptsKey(invitationId),
    acceptedKey(invitationId),
    holder,
    LEASE_MS,
    ATTEMPTS_TTL_S,
  );
  if (!Array.isArray(answer)) return { attempt: 0, accepted: null };
  const [n, noted] = answer as [number, string | null];
  const parsed = noted ? (JSON.parse(noted) as { messageId: string; sentAt: string }) : null;
  return { attempt: Number(n), accepted: parsed && { messageId: parsed.messageId, sentAt: new Date(parsed.sentAt) } };
}

/** Notes that the SMTP server accepted the mail, before the database hears of it. */
export async function noteAccepted(redis: Redis, invitationId: string, accepted: Accepted): Promise<void> {
  await redis.set(acceptedKey(invitationId), JSON.stringify(accepted), 'EX', ATTEMPTS_TTL_S);
}

/** Lets the lease go if `holder` still holds it (once the outcome is recorded, or to retry later). */
export async function releaseSendLease(redis: Redis, invitationId: string, holder: string): Promise<void> {
  await redis.eval(RELEASE, 1, leaseKey(invitationId), holder);
}

/** Whether some job holds the invitation's send right now (the sweep leaves those alone). */
export async function sendLeaseHeld(redis: Redis, invitationId: string): Promise<boolean> {
  return (await redis.exists(leaseKey(invitationId))) === 1;
}
