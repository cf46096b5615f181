import mongoose, { Types } from 'mongoose';

import type { AuditAction } from '@pulse/shared/schemas/audit';

import { AuditEventModel } from './audit-event.model';

export interface AuditEntry {
  organisationId: string;
  action: AuditAction;
  /** A principal fits; so does a person acting before they have a session (sign-up, log-in). */
  actor:
    | { kind: 'user'; userId: string; email: string }
    | { kind: 'apiKey'; apiKeyId: string; name: string }
    | { kind: 'system' };
  target?: string | null;
  details?: Record<string, string | number | boolean | null>;
  ip?: string | null;
}

const actorFields = (actor: AuditEntry['actor']) => {
  switch (actor.kind) {
    case 'user':
      return { actorKind: 'user' as const, actorId: actor.userId, actorLabel: actor.email };
    case 'apiKey':
      return { actorKind: 'apiKey' as const, actorId: actor.apiKeyId, actorLabel: `API key "${actor.name}"` };
    case 'system':
      return { actorKind: 'system' as const, actorId: null, actorLabel: 'Pulse' };
  }
};

export async function recordAudit(entry: AuditEntry): Promise<void> {
  await AuditEventModel.create({
    organisationId: entry.organisationId,
    action: entry.action,
    ...actorFields(entry.actor),
    target: entry.target ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  });
}

/** Newest first; `cursor` is the id of the last event of the previous page. */
export async function listAudit(opts: { organisationId: string; cursor?: string; limit: number }) {
  const filter: Record<string, unknown> = { organisationId: opts.organisationId };
  if (opts.cursor && Types.ObjectId.isValid(opts.cursor)) {
    filter._id = mongoose.trusted({ $lt: new Types.ObjectId(opts.cursor) });
  }
  const events = await AuditEventModel.find(filter)
    .sort({ _id: -1 })
    .limit(opts.limit + 1)
    .lean();
  const page = events.slice(0, opts.limit);
  return { events: page, nextCursor: events.length > opts.limit ? String(page.at(-1)!._id) : null };
}
