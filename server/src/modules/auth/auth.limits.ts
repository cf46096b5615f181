import type { Request } from 'express';
import type { Redis } from 'ioredis';

import type { Config } from '../../config';
import { rateLimit } from '../../lib/rate-limit';

/**
 * Auth's rate-limit policy. Counted per client IP and account (the email typed, the signed-in
 * user, the emailed link's id), so one office behind a NAT does not share one budget, and each
 * flow has its own bucket.
 */
export function authLimits(
  redis: Redis,
  config: Pick<Config, 'RATE_LIMIT_LOGIN' | 'RATE_LIMIT_SIGNUP' | 'RATE_LIMIT_PASSWORD_RESET'>,
) {
  const account = (req: Request) => {
    if (req.principal?.kind === 'user') return req.principal.email;
    // The validated body: the registry runs limits after validation.
    const body = ((req.res?.locals.input as { body?: unknown } | undefined)?.body ?? {}) as {
      email?: string;
      token?: string;
    };
    return body.email ?? body.token?.split('_')[1] ?? '';
  };
  const byIpAndAccount = (req: Request) => `${req.ip}:${String(account(req)).toLowerCase()}`;
  const hourly = (name: string, points: number) =>
    rateLimit(redis, { name, points, windowSeconds: 3600, key: byIpAndAccount });
  // Guessing across many accounts from one address is bounded too, log-in and invitations alike.
  const passwordChecks = [
    rateLimit(redis, { name: 'login', points: config.RATE_LIMIT_LOGIN, windowSeconds: 900, key: byIpAndAccount }),
    rateLimit(redis, { name: 'login-ip', points: config.RATE_LIMIT_LOGIN * 10, windowSeconds: 900 }),
  ];
  return {
    /** Every check of a password (log-in, accepting an invitation with an existing account). */
    passwordChecks,
    login: passwordChecks,
    signup: [rateLimit(redis, { name: 'signup', points: config.RATE_LIMIT_SIGNUP, windowSeconds: 3600 })],
    resendVerification: [hourly('resend-verification', config.RATE_LIMIT_PASSWORD_RESET)],
    resetRequest: [hourly('reset-request', config.RATE_LIMIT_PASSWORD_RESET)],
    resetComplete: [hourly('reset-complete', config.RATE_LIMIT_PASSWORD_RESET)],
  };
}
