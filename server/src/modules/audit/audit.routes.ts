import { PageQuery } from '@pulse/shared/schemas/common';
import { AuditLogResponse } from '@pulse/shared/schemas/audit';

import type { Api } from '../auth/access';
import { principalOf } from '../auth/principal';
import { presentAuditEvent } from './audit.presenter';
import { listAudit } from './audit.service';

export function registerAuditRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/audit-log',
    summary: 'Security-relevant actions in the organisation, newest first',
    tags: ['audit'],
    access: { permission: 'audit.read' },
    query: PageQuery,
    responses: { 200: { description: 'A page of events', schema: AuditLogResponse } },
    handler: async ({ query }, req, res) => {
      const page = await listAudit({ organisationId: principalOf(req).organisationId, ...query });
      res.json({ events: page.events.map(presentAuditEvent), nextCursor: page.nextCursor });
    },
  });
}
