import session from 'express-session';
import type { Redis } from 'ioredis';

import type { Config } from '../../config';
import { RedisSessionStore } from '../../lib/session-store';

/** The cookie a teammate's browser holds; the OpenAPI document names it too. */
export const SESSION_COOKIE = 'pulse.sid';
const SESSION_DAYS = 14;

declare module 'express-session' {
  /** Ids only, re-checked against the database on every request (loadSessionPrincipal). */
  interface SessionData {
    userId: string;
    organisationId: string;
    membershipId: string;
  }
}

/** Sessions in Redis behind an httpOnly, SameSite=Lax cookie that rolls with each request. */
export function sessionMiddleware(config: Pick<Config, 'SECRET_KEY' | 'NODE_ENV' | 'PUBLIC_URL'>, redis: Redis) {
  return session({
    name: SESSION_COOKIE,
    secret: config.SECRET_KEY,
    store: new RedisSessionStore(redis),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.NODE_ENV === 'production' || config.PUBLIC_URL.startsWith('https:'),
      maxAge: SESSION_DAYS * 86_400_000,
    },
  });
}
