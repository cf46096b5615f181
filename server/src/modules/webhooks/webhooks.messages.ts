import type { WebhookEventType } from '@pulse/shared/schemas/webhooks';

import type { Ctx } from '../../lib/context';
import { derivedId } from '../../lib/derived-id';
import type { EventData } from '../../lib/events/events';
import type { DomainEvent } from '../../lib/events/event.model';
import { getCase } from '../cases/cases.service';
import { findResponse } from '../responses/responses.service';

/**
 * The message id says what happened, not which event record told us: the same change delivered
 * twice, or announced twice after a crash, is one message, and receivers deduplicate on it.
 */
function messageIdOf(event: DomainEvent, d: EventData): string {
  const key = (() => {
    switch (event.type) {
      case 'response.created':
      case 'response.updated':
      case 'response.completed':
        return [event.type, String(d.responseId), String(d.seq)];
      case 'case.created':
        return [event.type, String(d.caseId)];
      case 'case.status_changed':
        return [event.type, String(d.caseId), String(d.seq)];
      case 'alert.triggered':
        return [event.type, String(d.firingId)];
      case 'contact.unsubscribed':
        return [event.type, String(d.contactId), String(d.at)];
      default:
        return [String(event._id)];
    }
  })();
  return `msg_${derivedId(...key).toHexString()}`;
}

/** What a receiver gets: the thing itself as it is now, not our internal event. */
async function dataOf(ctx: Ctx, event: DomainEvent, d: EventData): Promise<Record<string, unknown> | null> {
  if (event.type.startsWith('response.')) {
    const r = await findResponse(ctx, String(d.responseId));
    if (!r) return null;
    return {
      responseId: String(r._id),
      seq: d.seq,
      surveyId: String(r.surveyId),
      touchpointId: r.touchpointId ? String(r.touchpointId) : null,
      touchpointKey: r.touchpointKey,
      channel: r.channel,
      contactId: r.contactId ? String(r.contactId) : null,
      score: d.newScore ?? r.score,
      previousScore: d.oldScore ?? null,
      band: r.band,
      confirmed: d.confirmed ?? r.state === 'confirmed',
      comment: r.comment ?? null,
      language: r.language,
      answeredAt: r.answeredAt.toISOString(),
      completedAt: r.completedAt ? r.completedAt.toISOString() : null,
    };
  }
  if (event.type.startsWith('case.')) {
    const c = await getCase(ctx, String(d.caseId)).catch(() => null);
    if (!c) return null;
    return {
      caseId: String(c._id),
      number: c.number,
      responseId: String(c.responseId),
      status: c.status,
      ...(event.type === 'case.status_changed' && { from: d.from, to: d.to }),
      priority: c.priority,
      dueAt: c.dueAt.toISOString(),
      score: c.snapshot.score,
      touchpointKey: c.snapshot.touchpointKey,
    };
  }
  if (event.type === 'alert.triggered') {
    return { ruleId: d.ruleId, responseId: d.responseId, caseId: d.caseId ?? null, priority: d.priority };
  }
  const { target: _target, details: _details, ...ids } = d;
  return ids;
}

/** The message an event makes, or null when what it is about is gone. */
export async function messageOf(ctx: Ctx, event: DomainEvent) {
  const d = event.data as EventData;
  const data = await dataOf(ctx, event, d);
  if (!data) return null;
  return { id: messageIdOf(event, d), type: event.type as WebhookEventType, at: event.at, data };
}

/**
 * The touchpoint an event is about, for endpoints that filter by touchpoint: a response's own;
 * for a case or an alert, that of the response it came from (a case's snapshot holds only the
 * key, which a touchpoint may change). Null when the response has none (filtered endpoints skip
 * it); undefined when the event is not about a response at all (contact.unsubscribed), which
 * every endpoint subscribed to its type receives.
 */
export async function touchpointOf(
  ctx: Ctx,
  event: DomainEvent,
  data: Record<string, unknown>,
): Promise<string | null | undefined> {
  if (event.type.startsWith('response.')) return (data.touchpointId as string | null) ?? null;
  if (!event.type.startsWith('case.') && event.type !== 'alert.triggered') return undefined;
  const response = await findResponse(ctx, String(data.responseId));
  return response?.touchpointId ? String(response.touchpointId) : null;
}
