import type { Request } from 'express';

import type { ApiKeyScope, Role } from '@pulse/shared/permissions';

import type { Actor, Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';

/** Who is making a request, established by the guard before any handler runs. */
export type Principal =
  | {
      kind: 'user';
      organisationId: string;
      userId: string;
      membershipId: string;
      role: Role;
      name: string;
      email: string;
      emailVerified: boolean;
    }
  | { kind: 'apiKey'; organisationId: string; apiKeyId: string; name: string; scopes: ApiKeyScope[] };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
    }
  }
}

export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

export function principalOf(req: Request): Principal {
  if (!req.principal) throw new AppError('unauthenticated', 'Sign in to continue');
  return req.principal;
}

/** For operations only a signed-in teammate can do (API keys never reach them: see the guard). */
export function userOf(req: Request): UserPrincipal {
  const principal = principalOf(req);
  if (principal.kind !== 'user') throw new AppError('forbidden', 'This operation needs a signed-in teammate');
  return principal;
}

/** The request context's identity half, from the principal the guard set. */
export function identityOf(req: Request): Pick<Ctx, 'organisationId' | 'actor'> {
  const principal = principalOf(req);
  const actor: Actor =
    principal.kind === 'user'
      ? {
          kind: 'user',
          userId: principal.userId,
          membershipId: principal.membershipId,
          role: principal.role,
          name: principal.name,
          email: principal.email,
        }
      : { kind: 'apiKey', apiKeyId: principal.apiKeyId, name: principal.name, scopes: principal.scopes };
  return { organisationId: principal.organisationId, actor };
}
