import session from 'express-session';
import type { ChainableCommander, Redis } from 'ioredis';

const PREFIX = 'sess:';
const userIndex = (userId: string) => `user-sessions:${userId}`;

/**
 * express-session's store on our ioredis connection (connect-redis now speaks only node-redis).
 * It also keeps, per user, the set of their session ids, so changing a password or removing a
 * teammate can end every session they have, not only the current one.
 */
export class RedisSessionStore extends session.Store {
  constructor(private readonly redis: Redis) {
    super();
  }

  override get(sid: string, cb: (err: unknown, s?: session.SessionData | null) => void): void {
    this.redis.get(PREFIX + sid).then((raw) => cb(null, raw ? JSON.parse(raw) : null), cb);
  }

  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    const ttl = ttlSeconds(sess);
    const multi = this.redis.multi().set(PREFIX + sid, JSON.stringify(sess), 'EX', ttl);
    indexSession(multi, sid, sess, ttl);
    multi.exec().then(
      () => cb?.(),
      (err) => cb?.(err),
    );
  }

  override touch(sid: string, sess: session.SessionData, cb?: () => void): void {
    const ttl = ttlSeconds(sess);
    const multi = this.redis.multi().expire(PREFIX + sid, ttl);
    indexSession(multi, sid, sess, ttl);
    multi.exec().then(
      () => cb?.(),
      () => cb?.(),
    );
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    this.redis.del(PREFIX + sid).then(
      () => cb?.(),
      (err) => cb?.(err),
    );
  }

  /** Ends every session of a user, except `keepSid` when given (the one making the change). */
  async destroyAllForUser(userId: string, keepSid?: string): Promise<void> {
    const sids = (await this.redis.smembers(userIndex(userId))).filter((sid) => sid !== keepSid);
    const multi = this.redis.multi();
    for (const sid of sids) multi.del(PREFIX + sid).srem(userIndex(userId), sid);
    await multi.exec();
  }
}

/**
 * Keeps the user's index of session ids alive as long as their longest session, including one
 * kept alive by touches (rolling cookies). EXPIRE GT alone never sets a TTL on a key without one
 * (Redis counts that as infinite), so every index used to live forever: NX sets the first TTL.
 */
function indexSession(multi: ChainableCommander, sid: string, sess: session.SessionData, ttl: number) {
  if (!sess.userId) return;
  const index = userIndex(sess.userId);
  multi.sadd(index, sid).expire(index, ttl, 'NX').expire(index, ttl, 'GT');
}

function ttlSeconds(sess: session.SessionData): number {
  const expires = sess.cookie?.expires ? new Date(sess.cookie.expires).getTime() : Date.now() + 86_400_000;
  return Math.max(1, Math.ceil((expires - Date.now()) / 1000));
}
