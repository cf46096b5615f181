import { ResponsesPage, ResponsesQuery } from '@pulse/shared/schemas/responses';

import type { Api } from '../auth/access';
import { listResponses } from './responses.list';
import { presentResponse } from './responses.presenter';

export function registerResponseRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/responses',
    summary:
      'Responses, newest first, by survey, touchpoint, band and answer date (confirmed unless state says otherwise)',
    tags: ['responses'],
    access: { permission: 'responses.read', apiKeyScope: 'responses:read' },
    query: ResponsesQuery,
    responses: { 200: { description: 'One page of responses', schema: ResponsesPage } },
    handler: async ({ query, ctx }, _req, res) => {
      const page = await listResponses(ctx, query);
      res.json({ responses: page.responses.map(presentResponse), nextCursor: page.nextCursor });
    },
  });
}
