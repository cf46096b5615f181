import type { ApiKeyScope, Role } from '@pulse/shared/permissions';

import type { Logger } from './logger';

/** Who is acting: a signed-in teammate, a server holding an API key, or Pulse itself (jobs, scripts). */
export type Actor =
  | { kind: 'user'; userId: string; membershipId: string; role: Role; name: string; email: string }
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
