import {
  RecordResponseBody,
  RecordResponseResult,
  ResponsesPage,
  ResponsesQuery,
} from '@pulse/shared/schemas/responses';

import type { Api } from '../auth/access';
import { recordReportedResponse } from './record-response';
import { listResponses } from './responses.list';
import { presentResponse } from './responses.presenter';

export function registerResponseRoutes(api: Api, opts: { changeWindowMs: number }): void {
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
  api.route({
    method: 'post',
    path: '/api/v1/responses',
    summary:
      'Record a score collected elsewhere (in-app, phone, kiosk) against a touchpoint and contact; idempotent by key',
    tags: ['responses'],
    access: { permission: 'distribution.write', apiKeyScope: 'responses:write' },
    body: RecordResponseBody,
    responses: {
      201: { description: 'The response recorded', schema: RecordResponseResult },
      200: { description: 'The idempotency key named a response already recorded', schema: RecordResponseResult },
    },
    handler: async ({ body, ctx }, _req, res) => {
      const { response, replayed } = await recordReportedResponse(ctx, body, opts);
      res.status(replayed ? 200 : 201).json({ response: presentResponse(response), replayed });
    },
  });
}
