import mongoose, { Types } from 'mongoose';

import type { AuditAction } from '@pulse/shared/schemas/audit';

import type { Ctx } from '../../lib/context';
import { emit, type EmitCtx } from '../../lib/events/events';
import { AuditEventModel } from './audit-event.model';

export type AuditDetails = Record<string, string | number | boolean | null>;
export type AuditCtx = EmitCtx;

const actorFields = (actor: EmitCtx['actor']) => {
  switch (actor.kind) {
    case 'user':
      return { actorKind: 'user' as const, actorId: actor.userId, actorLabel: actor.email };
    case 'apiKey':
      return { actorKind: 'apiKey' as const, actorId: actor.apiKeyId, actorLabel: `API key "${actor.name}"` };
    case 'system':
      return { actorKind: 'system' as const, actorId: null, actorLabel: actor.name ?? 'Pulse' };
  }
};

/**
 * An audited action is a domain event of that name: the audit log's subscriber (audit.events.ts)
 * writes the entry in the worker, as it would for any event a module emits itself. `ids` name
 * what the event is about (`surveyId`), for other modules' subscribers.
 */
export async function audit(
  ctx: EmitCtx,
  action: AuditAction,
  target: string | null = null,
  details: AuditDetails = {},
  ids: Record<string, string> = {},
): Promise<void> {
  await emit(ctx, action, { ...ids, target, details });
}

/** Written now, in the request, for the rare entry that must exist before the answer (the export). */
export async function auditNow(
  ctx: EmitCtx,
  action: AuditAction,
  target: string | null = null,
  details: AuditDetails = {},
): Promise<void> {
  await AuditEventModel.create({
    organisationId: ctx.organisationId,
    action,
    ...actorFields(ctx.actor),
    target,
    details,
    ip: ctx.ip,
  });
}

export interface AuditFilter {
  cursor?: string;
  limit: number;
  action?: AuditAction;
  actorId?: string;
  from?: string;
  to?: string;
}

/** Newest first; `cursor` is the id of the last event of the previous page; `to` is exclusive. */
export async function listAudit(ctx: Pick<Ctx, 'organisationId'>, opts: AuditFilter) {
  const filter: Record<string, unknown> = { organisationId: ctx.organisationId };
  if (opts.cursor && Types.ObjectId.isValid(opts.cursor)) {
    filter._id = mongoose.trusted({ $lt: new Types.ObjectId(opts.cursor) });
  }
  if (opts.action) filter.action = opts.action;
  if (opts.actorId) filter.actorId = opts.actorId;
  if (opts.from || opts.to) {
    filter.at = mongoose.trusted({
      ...(opts.from ? { $gte: new Date(opts.from) } : {}),
      ...(opts.to ? { $lt: new Date(opts.to) } : {}),
    });
  }
  const events = await AuditEventModel.find(filter)
    .sort({ _id: -1 })
    .limit(opts.limit + 1)
    .lean();
  const page = events.slice(0, opts.limit);
  return { events: page, nextCursor: events.length > opts.limit ? String(page.at(-1)!._id) : null };
}
