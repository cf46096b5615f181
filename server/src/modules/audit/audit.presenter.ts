import type { AuditEvent } from '@pulse/shared/schemas/audit';

import type { listAudit } from './audit.service';

type Stored = Awaited<ReturnType<typeof listAudit>>['events'][number];

export const presentAuditEvent = (e: Stored): AuditEvent => ({
  id: String(e._id),
  action: e.action as AuditEvent['action'],
  actor: { kind: e.actorKind as AuditEvent['actor']['kind'], id: e.actorId ?? null, label: e.actorLabel },
  target: e.target ?? null,
  details: (e.details ?? {}) as AuditEvent['details'],
  ip: e.ip ?? null,
  at: e.at.toISOString(),
});
