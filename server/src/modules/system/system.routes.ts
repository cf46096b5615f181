import { createHash, timingSafeEqual } from 'node:crypto';

import swaggerUi from 'swagger-ui-express';
import { z } from 'zod';

import { AppError } from '../../lib/errors';
import { metricsRegistry } from '../../lib/metrics';
import { buildOpenApiDocument, withServers } from '../../lib/openapi';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { SystemConfig } from '@pulse/shared/schemas/system';

import type { Api } from '../auth/access';

/** Operational endpoints: the API's own description and Prometheus metrics. */
export function registerSystemRoutes(
  api: Api,
  deps: { publicUrl: string; metricsToken?: string; mailCatcherUrl?: string },
): void {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  // Built on first request, once every module has registered its routes.
  const openApi = () => (document ??= buildOpenApiDocument(api.paths, deps.publicUrl, SESSION_COOKIE));

  api.route({
    method: 'get',
    path: '/api/v1/system/config',
    summary: 'What the web app may know before sign-in (in development, where caught mail is read)',
    tags: ['operations'],
    access: 'public',
    responses: { 200: { description: 'Public configuration', schema: SystemConfig } },
    handler: (_input, _req, res) => res.json({ mailCatcherUrl: deps.mailCatcherUrl ?? null }),
  });

  api.route({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This OpenAPI 3.1 document',
    tags: ['operations'],
    access: 'public',
    responses: { 200: { description: 'The document', schema: z.record(z.string(), z.unknown()) } },
    // req.protocol and the host are read through TRUST_PROXY_HOPS, like the client IP.
    handler: (_input, req, res) => res.json(withServers(openApi(), `${req.protocol}://${req.host}`, deps.publicUrl)),
  });

  // Prometheus, not people or API keys, reads this: it has its own credential and stays out of the
  // API document. Without a configured token the metrics (routes, timings, memory) are not served.
  const { metricsToken } = deps;
  if (metricsToken) {
    api.router.get('/metrics', async (req, res) => {
      if (!bearerMatches(req.headers.authorization, metricsToken)) {
        throw new AppError('unauthenticated', 'Send the metrics token as a Bearer token');
      }
      res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
    });
  }

  // The readable docs page renders the same document.
  api.router.use(
    '/api/docs',
    swaggerUi.serveFiles(undefined, { swaggerUrl: '/api/openapi.json' }),
    swaggerUi.setup(undefined, { customSiteTitle: 'Pulse API', swaggerOptions: { url: '/api/openapi.json' } }),
  );
}

/** Compared in constant time on digests, so neither the length nor a prefix leaks. */
function bearerMatches(header: string | undefined, token: string): boolean {
  if (!header?.startsWith('Bearer ')) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
}
