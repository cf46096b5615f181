import { WebhookEventType } from '@pulse/shared/schemas/webhooks';

import { systemContext } from '../../lib/context';
import { derivedId } from '../../lib/derived-id';
import { defineSubscriber, type EventData } from '../../lib/events/events';
import type { DomainEvent } from '../../lib/events/event.model';
import { getCase } from '../cases/cases.service';
import { findResponse } from '../responses/responses.service';
import { endpointsFor, queueMessage } from './webhooks.service';

type Ctx = ReturnType<typeof systemContext>;

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

/** Every event an endpoint may ask for becomes one signed message per subscribed endpoint. */
export const fanOutWebhooks = defineSubscriber({
  name: 'webhooks.fan-out',
  on: WebhookEventType.options.filter((t) => t !== 'webhook.test'),
  async handle(event, { log }) {
    const d = event.data as EventData;
    // A rule decides whether its alerts leave Pulse.
    if (event.type === 'alert.triggered' && !d.webhook) return;
    const ctx = systemContext({ organisationId: String(event.organisationId), log, name: 'Webhooks' });
    const endpoints = await endpointsFor(ctx, event.type as WebhookEventType);
    if (!endpoints.length) return;
    const data = await dataOf(ctx, event, d);
    if (!data) return;
    await queueMessage(ctx, endpoints, {
      id: messageIdOf(event, d),
      type: event.type as WebhookEventType,
      at: event.at,
      data,
    });
  },
});

export const webhookSubscribers = [fanOutWebhooks];
