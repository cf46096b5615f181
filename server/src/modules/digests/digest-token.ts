import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'dgs';

/**
 * The unsubscribe link of a subscription, derived from its id and SECRET_KEY (HMAC-SHA256), so
 * every digest can carry it without a secret being stored, and it stays valid for the life of
 * the subscription. It can only switch that one subscription off.
 */
const secretOf = (id: string, key: string) =>
  createHmac('sha256', key).update(`digest-unsubscribe:${id}`).digest('base64url').slice(0, 32);

export const unsubscribeToken = (subscriptionId: string, key: string) =>
  `${PREFIX}_${subscriptionId}_${secretOf(subscriptionId, key)}`;

/** The subscription id a token names, when its secret is the one Pulse derived. */
export function subscriptionOfToken(token: string, key: string): string | null {
  const match = new RegExp(`^${PREFIX}_([a-f0-9]{24})_([A-Za-z0-9_-]{32})$`).exec(token);
  if (!match) return null;
  const [, id, secret] = match as unknown as [string, string, string];
  const expected = Buffer.from(secretOf(id, key));
  return timingSafeEqual(expected, Buffer.from(secret)) ? id : null;
}
