import type { RequestHandler } from 'express';

import { AppError } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery protection for cookie-authenticated calls, by Fetch Metadata and
 * Origin (OWASP's recommended defence; Go's net/http CrossOriginProtection works the same way).
 * Browsers always say where a state-changing request comes from; a request from another site is
 * refused. Clients that send neither header are not browsers and carry no ambient cookie. The
 * session cookie's SameSite=Lax is the second layer.
 */
export function crossSiteProtection(publicUrl: string): RequestHandler {
  const trustedOrigin = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (SAFE.has(req.method) || req.headers.authorization?.startsWith('Bearer ')) return next();
    const site = req.headers['sec-fetch-site'];
    if (site) {
      return next(site === 'same-origin' || site === 'none' ? undefined : rejected());
    }
    const origin = req.headers.origin;
    if (origin && origin !== trustedOrigin) return next(rejected());
    next();
  };
}

const rejected = () => new AppError('csrf_rejected', 'Cross-site requests are not allowed');
