import { Redis } from 'ioredis';

/**
 * BullMQ's production rules: a worker's connection retries forever (maxRetriesPerRequest: null),
 * while anything serving a request (producers, sessions, rate limits, readiness) fails fast so a
 * Redis outage turns into a clear 503 instead of a hung request.
 */
export function createRedis(url: string, role: 'producer' | 'worker'): Redis {
  return new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}

export async function pingRedis(redis: Redis): Promise<void> {
  await redis.ping();
}

/** Resolves once the connection is usable; fail-fast clients reject commands until then. */
export function redisReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Redis did not become ready in 10 s')), 10_000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
