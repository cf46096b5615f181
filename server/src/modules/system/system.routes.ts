import swaggerUi from 'swagger-ui-express';
import { z } from 'zod';

import { metricsRegistry } from '../../lib/metrics';
import { buildOpenApiDocument, withServers } from '../../lib/openapi';
import type { Api } from '../auth/access';

/** Operational endpoints: the API's own description and Prometheus metrics. */
export function registerSystemRoutes(api: Api, deps: { publicUrl: string }): void {
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  // Built on first request, once every module has registered its routes.
  const openApi = () => (document ??= buildOpenApiDocument(api.paths, deps.publicUrl));

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

  api.route({
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics',
    tags: ['operations'],
    access: 'public',
    responses: {
      200: { description: 'Metrics in the Prometheus text format', schema: z.string(), contentType: 'text/plain' },
    },
    handler: async (_input, _req, res) => {
      res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
    },
  });

  // The readable docs page renders the same document.
  api.router.use(
    '/api/docs',
    swaggerUi.serveFiles(undefined, { swaggerUrl: '/api/openapi.json' }),
    swaggerUi.setup(undefined, { customSiteTitle: 'Pulse API', swaggerOptions: { url: '/api/openapi.json' } }),
  );
}
