import type { Request } from 'express';

import type { SessionFeatures } from '@pulse/shared/schemas/auth';

import { AppError } from '../../lib/errors';
import { RedisSessionStore } from '../../lib/session-store';
import { describeSession, loadSessionPrincipal, type SessionIdentity } from './auth.service';

const promisify = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

/** A fresh session id on every sign-in, so a session id planted before login is worthless. */
export async function startSession(req: Request, identity: SessionIdentity): Promise<void> {
  await promisify((cb) => req.session.regenerate(cb));
  Object.assign(req.session, identity);
  await promisify((cb) => req.session.save(cb));
}

export const endSession = (req: Request) => promisify((cb) => req.session.destroy(cb));

/** Ends every session of `userId` but, when `keepCurrent`, the one making this request. */
export async function endSessionsOf(req: Request, userId: string, opts: { keepCurrent: boolean }): Promise<void> {
  const store = req.sessionStore;
  if (!(store instanceof RedisSessionStore)) throw new Error('sessions are not stored in Redis');
  await store.destroyAllForUser(userId, opts.keepCurrent ? req.sessionID : undefined);
}

/** The session just started, described the way GET /auth/session describes it. */
export async function describeCurrentSession(req: Request, features: SessionFeatures) {
  const principal = await loadSessionPrincipal(req.session);
  if (!principal) throw new AppError('unauthenticated', 'Sign in to continue');
  return describeSession(principal, features);
}
