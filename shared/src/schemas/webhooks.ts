import { z } from 'zod';

import { Id, IsoDate, singleLine } from './common';

export const WebhookEventType = z.enum([
  'response.created',
  'response.updated',
  'response.completed',
  'contact.unsubscribed',
  'case.created',
  'case.status_changed',
  'alert.triggered',
  'webhook.test',
]);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/**
 * The address only: whether it is safe (public, not loopback or private) is the server's
 * check, since it depends on configuration and on what the name resolves to.
 */
export const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2000)
  .refine((u) => !new URL(u).username && !new URL(u).password, 'must not carry credentials');

/** Events without a touchpoint (contact.unsubscribed, webhook.test) reach every endpoint whatever its filter. */
const WebhookTouchpointIds = z.array(Id).max(100);

export const CreateWebhookEndpointBody = z.object({
  url: WebhookUrl,
  description: singleLine(200).optional(),
  events: z.array(WebhookEventType).min(1, 'choose at least one event'),
  /** Only events about these touchpoints; empty or absent = all. */
  touchpointIds: WebhookTouchpointIds.optional(),
});
export const UpdateWebhookEndpointBody = z
  .object({
    url: WebhookUrl.optional(),
    description: singleLine(200).optional(),
    events: z.array(WebhookEventType).min(1, 'choose at least one event').optional(),
    touchpointIds: WebhookTouchpointIds.optional(),
    /** Re-enabling an endpoint a 410 disabled. */
    enabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const WebhookEndpointParams = z.object({ endpointId: Id });
export const WebhookDeliveryParams = z.object({ endpointId: Id, deliveryId: Id });

export const WebhookEndpoint = z.object({
  id: Id,
  url: z.string(),
  description: z.string().nullable(),
  events: z.array(WebhookEventType),
  /** Empty: every touchpoint. */
  touchpointIds: z.array(Id),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  /** The first failed attempt of a streak with nothing delivered; days of it disable the endpoint. */
  failingSince: IsoDate.nullable(),
  /** Until then, deliveries are signed with the rotated-out secret too. */
  previousSecretExpiresAt: IsoDate.nullable(),
  createdAt: IsoDate,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookEndpointResponse = z.object({ endpoint: WebhookEndpoint });
/** The only answers that ever hold a signing secret: creation and rotation. */
export const CreatedWebhookEndpointResponse = z.object({ endpoint: WebhookEndpoint, secret: z.string() });
export const WebhookEndpointsResponse = z.object({ endpoints: z.array(WebhookEndpoint) });

export const RecoverWebhookBody = z.object({ since: IsoDate });
export const RecoverWebhookResponse = z.object({ resent: z.number().int() });

export const WebhookDeliveryState = z.enum(['pending', 'delivered', 'failed']);

export const WebhookDelivery = z.object({
  id: Id,
  messageId: z.string(),
  eventType: WebhookEventType,
  state: WebhookDeliveryState,
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  lastLatencyMs: z.number().nullable(),
  lastError: z.string().nullable(),
  /** The receiver's answer, truncated. */
  lastResponseBody: z.string().nullable(),
  nextAttemptAt: IsoDate.nullable(),
  deliveredAt: IsoDate.nullable(),
  createdAt: IsoDate,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
export const WebhookDeliveriesResponse = z.object({ deliveries: z.array(WebhookDelivery) });
