import { ClosedLoopQuery, ClosedLoopResponse } from '@pulse/shared/schemas/closed-loop';

import type { Access, Api } from '../auth/access';
import { closedLoopReport } from './closed-loop.service';

/** Figures, not people: whoever reads the dashboard reads this report. */
const READ: Access = { permission: 'responses.read', apiKeyScope: 'responses:read' };

export function registerClosedLoopRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/closed-loop',
    summary:
      '"Did it work?": detractors with a case, time to first response and to close, % within SLA, reopen rate and recovery, overall and per touchpoint',
    tags: ['analytics'],
    access: READ,
    query: ClosedLoopQuery,
    responses: {
      200: { description: 'The report, every share with n and a 95% interval', schema: ClosedLoopResponse },
    },
    handler: async ({ ctx, query }, _req, res) => res.json(await closedLoopReport(ctx, query)),
  });
}
