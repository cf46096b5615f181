import type { Request } from 'express';

import { AppError } from '../../lib/errors';
import { describeSession, loadSessionPrincipal, type AuthDeps, type SessionIdentity } from './auth.service';

const promisify = (fn: (cb: (err?: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

/** A fresh session id on every sign-in, so a session id planted before login is worthless. */
export async function startSession(req: Request, identity: SessionIdentity): Promise<void> {
  await promisify((cb) => req.session.regenerate(cb));
  Object.assign(req.session, identity);
  await promisify((cb) => req.session.save(cb));
}

export const endSession = (req: Request) => promisify((cb) => req.session.destroy(cb));

/** The session just started, described the way GET /auth/session describes it. */
export async function describeCurrentSession(deps: Pick<AuthDeps, 'features'>, req: Request) {
  const principal = await loadSessionPrincipal(req.session);
  if (!principal) throw new AppError('unauthenticated', 'Sign in to continue');
  return describeSession(deps, principal);
}
