import type { ApiKeyScope, Role } from '@pulse/shared/permissions';

import { AppError } from './errors';
import type { Logger } from './logger';

export type UserActor = { kind: 'user'; userId: string; membershipId: string; role: Role; name: string; email: string };

/** Who is acting: a signed-in teammate, a server holding an API key, or Pulse itself (jobs, scripts). */
export type Actor =
  | UserActor
  | { kind: 'apiKey'; apiKeyId: string; name: string; scopes: ApiKeyScope[] }
  | { kind: 'system'; name: string };

/**
 * The one argument every service takes first: which organisation, who acts, from where, and the
 * request's logger. The route registry builds it once per request after the guard; jobs and
 * scripts build it with systemContext().
 */
export interface Ctx {
  organisationId: string;
  actor: Actor;
  ip: string | null;
  requestId: string;
  log: Logger;
}

/** What a public operation knows before anyone is identified. */
export type PublicCtx = Omit<Ctx, 'organisationId' | 'actor'>;

export function systemContext(opts: { organisationId: string; log: Logger; name?: string; requestId?: string }): Ctx {
  return {
    organisationId: opts.organisationId,
    actor: { kind: 'system', name: opts.name ?? 'Pulse' },
    ip: null,
    requestId: opts.requestId ?? `system-${Date.now().toString(36)}`,
    log: opts.log,
  };
}

/** A public request once it knows who is acting where (sign-up, log-in, accepting an invitation). */
export const withActor = (ctx: PublicCtx, organisationId: string, actor: Actor): Ctx => ({
  ip: ctx.ip,
  requestId: ctx.requestId,
  log: ctx.log,
  organisationId,
  actor,
});

/** For operations only a signed-in teammate can do (the guard keeps API keys from most of them). */
export function userActor(ctx: Ctx): UserActor {
  if (ctx.actor.kind !== 'user') throw new AppError('forbidden', 'This operation needs a signed-in teammate');
  return ctx.actor;
}
