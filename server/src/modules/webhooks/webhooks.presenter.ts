import type { WebhookDelivery, WebhookEndpoint, WebhookEventType } from '@pulse/shared/schemas/webhooks';

import type { WebhookDeliveryDoc } from './webhook-delivery.model';
import type { WebhookEndpointDoc } from './webhook-endpoint.model';

/** Never the secret. */
export const presentEndpoint = (e: WebhookEndpointDoc): WebhookEndpoint => ({
  id: String(e._id),
  url: e.url,
  description: e.description ?? null,
  events: [...e.events] as WebhookEventType[],
  touchpointIds: (e.touchpointIds ?? []).map(String),
  enabled: e.enabled,
  disabledReason: e.disabledReason ?? null,
  failingSince: e.failingSince ? e.failingSince.toISOString() : null,
  previousSecretExpiresAt:
    e.previousSecretUntil && e.previousSecretUntil > new Date() ? e.previousSecretUntil.toISOString() : null,
  createdAt: e.createdAt.toISOString(),
});

export const presentDelivery = (d: WebhookDeliveryDoc): WebhookDelivery => ({
  id: String(d._id),
  messageId: d.messageId,
  eventType: d.eventType,
  state: d.state,
  attempts: d.attempts,
  lastStatus: d.lastStatus ?? null,
  lastLatencyMs: d.lastLatencyMs ?? null,
  lastError: d.lastError ?? null,
  lastResponseBody: d.lastResponseBody ?? null,
  nextAttemptAt: d.nextAttemptAt ? d.nextAttemptAt.toISOString() : null,
  deliveredAt: d.deliveredAt ? d.deliveredAt.toISOString() : null,
  createdAt: d.createdAt.toISOString(),
});
