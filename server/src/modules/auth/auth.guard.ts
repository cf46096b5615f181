import type { Request, RequestHandler } from 'express';

import { can } from '@pulse/shared/permissions';

import { AppError } from '../../lib/errors';
import type { SecurityRequirement } from '../../lib/api';
import type { Access } from './access';
import { authenticateApiKey } from '../api-keys/api-keys.service';
import { loadSessionPrincipal } from './auth.service';
import type { Principal } from './principal';

/**
 * Every non-public operation runs through here: establish who is calling (API key in the
 * Authorization header, else the session cookie), then check the one permission table.
 */
export function createGuard() {
  async function identify(req: Request): Promise<Principal | undefined> {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const principal = await authenticateApiKey(header.slice(7).trim());
      if (!principal) throw new AppError('unauthenticated', 'The API key is not valid or has been revoked');
      return principal;
    }
    if (!req.session?.membershipId) return undefined;
    const principal = await loadSessionPrincipal(req.session);
    // The membership was removed or the user deleted: the session is worthless from now on.
    if (!principal) await new Promise((resolve) => req.session.destroy(resolve));
    return principal;
  }

  return (access: Access): RequestHandler[] => [
    async (req, _res, next) => {
      const principal = await identify(req);
      if (!principal) throw new AppError('unauthenticated', 'Sign in or send an API key to use this operation');
      if (principal.kind === 'apiKey') {
        if (!access.apiKeyScope) throw new AppError('forbidden', 'API keys cannot use this operation');
        if (access.apiKeyScope !== '*' && !principal.scopes.includes(access.apiKeyScope)) {
          throw new AppError('forbidden', `This API key lacks the ${access.apiKeyScope} scope`);
        }
      } else if (!can(principal.role, access.permission)) {
        throw new AppError('forbidden', 'Your role does not allow this');
      }
      req.principal = principal;
      next();
    },
  ];
}

/** How an access rule reads in OpenAPI: the session cookie, plus an API key where keys may call. */
export function securityOf(access: Access): SecurityRequirement[] {
  const schemes: SecurityRequirement[] = [{ sessionCookie: [] }];
  if (access.apiKeyScope) schemes.push({ apiKey: access.apiKeyScope === '*' ? [] : [access.apiKeyScope] });
  return schemes;
}
