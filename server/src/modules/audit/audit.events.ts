import { AuditAction } from '@pulse/shared/schemas/audit';

import { defineSubscriber, type EventData } from '../../lib/events/events';
import { AuditEventModel } from './audit-event.model';

// Recorded inline instead, so an export shows up in the very file it produces.
const INLINE: AuditAction[] = ['audit.exported'];

/**
 * The audit log is a subscriber: every event whose type is an audit action becomes one entry,
 * written under the event's own _id, so a second delivery of the same event finds it there and
 * the entry exists exactly once.
 */
export const recordAuditEntry = defineSubscriber({
  name: 'audit.record',
  on: AuditAction.options.filter((a) => !INLINE.includes(a)),
  async handle(event) {
    const data = (event.data ?? {}) as EventData;
    await AuditEventModel.create({
      _id: event._id,
      organisationId: event.organisationId,
      action: event.type as AuditAction,
      actorKind: event.actor!.kind,
      actorId: event.actor!.id ?? null,
      actorLabel: event.actor!.label,
      target: data.target ?? null,
      details: data.details ?? {},
      ip: event.ip ?? null,
      at: event.at,
    }).catch((err: { code?: number }) => {
      if (err.code !== 11000) throw err;
    });
  },
});

export const auditSubscribers = [recordAuditEntry];
