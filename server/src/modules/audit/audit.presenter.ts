import type { AuditEvent } from '@pulse/shared/schemas/audit';

import type { listAudit } from './audit.service';

type Stored = Awaited<ReturnType<typeof listAudit>>['events'][number];

/** Node reports IPv4 clients of a dual-stack socket as IPv4-mapped IPv6; people know the IPv4. */
export const readableIp = (ip: string | null | undefined): string | null =>
  ip ? ip.replace(/^::ffff:(?=\d{1,3}(\.\d{1,3}){3}$)/i, '') : null;

/** `names` maps user ids to current names (from the team); a removed teammate keeps their email. */
export const presentAuditEvent = (e: Stored, names: ReadonlyMap<string, string>): AuditEvent => ({
  id: String(e._id),
  action: e.action as AuditEvent['action'],
  actor: {
    kind: e.actorKind as AuditEvent['actor']['kind'],
    id: e.actorId ?? null,
    label: (e.actorKind === 'user' && e.actorId && names.get(e.actorId)) || e.actorLabel,
    email: e.actorKind === 'user' ? e.actorLabel : null,
  },
  target: e.target ?? null,
  details: (e.details ?? {}) as AuditEvent['details'],
  ip: readableIp(e.ip),
  at: e.at.toISOString(),
});
