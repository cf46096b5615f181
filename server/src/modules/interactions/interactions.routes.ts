import type { Redis } from 'ioredis';

import { IngestBody, IngestResponse } from '@pulse/shared/schemas/interactions';

import { AppError } from '../../lib/errors';
import type { Api } from '../auth/access';
import { ingestInteractions } from './interactions.service';

export function registerInteractionRoutes(api: Api, deps: { redis: Redis }): void {
  api.route({
    method: 'post',
    path: '/api/v1/interactions',
    summary:
      'Report interactions (one, or { interactions: [...] } up to 1,000); answers the decision for each. ' +
      'A batch with any invalid item is refused whole and stores nothing.',
    tags: ['interactions'],
    access: { permission: 'distribution.write', apiKeyScope: 'interactions:write' },
    body: IngestBody,
    responses: { 200: { description: 'One decision per interaction, in order', schema: IngestResponse } },
    handler: async ({ body, ctx }, _req, res) => {
      const batch = 'interactions' in body;
      try {
        const decisions = await ingestInteractions(ctx, deps, batch ? body.interactions : [body], { batch });
        res.json({ decisions });
      } catch (err) {
        if (err instanceof AppError && err.code === 'service_unavailable') res.setHeader('Retry-After', '1');
        throw err;
      }
    },
  });
}
