import { pipeline } from 'node:stream/promises';

import { z } from 'zod';

import { AuditLogQuery, AuditLogResponse } from '@pulse/shared/schemas/audit';

import type { Api } from '../auth/access';
import { listMembers } from '../members/members.service';
import { auditCsv } from './audit.export';
import { presentAuditEvent } from './audit.presenter';
import { auditNow, listAudit } from './audit.service';

export function registerAuditRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/audit-log',
    summary: 'Security-relevant actions in the organisation, newest first',
    tags: ['audit'],
    access: { permission: 'audit.read' },
    query: AuditLogQuery,
    responses: {
      200: { description: 'A page of events, filtered by action, teammate and time', schema: AuditLogResponse },
    },
    handler: async ({ query, ctx }, _req, res) => {
      const [page, team] = await Promise.all([listAudit(ctx, query), listMembers(ctx)]);
      const names = new Map(team.members.map(({ user }) => [String(user._id), user.name]));
      res.json({ events: page.events.map((e) => presentAuditEvent(e, names)), nextCursor: page.nextCursor });
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/audit-log/export',
    summary: 'The whole audit log as CSV (the export itself is audited)',
    tags: ['audit'],
    access: { permission: 'audit.read' },
    responses: { 200: { description: 'CSV, newest first', schema: z.string(), contentType: 'text/csv' } },
    handler: async ({ ctx }, _req, res) => {
      // Recorded first and inline (not through an event), so the export shows up in the file it produces.
      await auditNow(ctx, 'audit.exported');
      const day = new Date().toISOString().slice(0, 10);
      res.attachment(`pulse-audit-log-${day}.csv`).type('text/csv; charset=utf-8');
      await pipeline(auditCsv(ctx), res);
    },
  });
}
