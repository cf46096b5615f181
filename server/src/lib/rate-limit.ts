import type { Request, RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { AppError } from './errors';

export interface RateLimitRule {
  name: string;
  /** Attempts allowed per window. */
  points: number;
  windowSeconds: number;
  /** Who is counted: by default the client IP (as resolved through the trusted proxies). */
  key?: (req: Request) => string | Promise<string>;
}

/**
 * Counting happens atomically in Redis (rate-limiter-flexible), so concurrent requests cannot
 * slip past the limit between a read and a write, and every API process shares the count.
 */
export function rateLimit(redis: Redis, rule: RateLimitRule): RequestHandler {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `rate:${rule.name}`,
    points: rule.points,
    duration: rule.windowSeconds,
  });
  return async (req, res, next) => {
    try {
      await limiter.consume(rule.key ? await rule.key(req) : (req.ip ?? 'unknown'));
      next();
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) return next(err);
      const seconds = Math.ceil(err.msBeforeNext / 1000);
      res.setHeader('Retry-After', String(seconds));
      next(new AppError('rate_limited', 'Too many attempts; try again later', undefined, seconds));
    }
  };
}
