import { randomBytes } from 'node:crypto';

import { Webhook } from 'standardwebhooks';

/** A new signing secret in the Standard Webhooks form: `whsec_` and a base64 key of 24 bytes. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** How long a rotated-out secret keeps signing beside the new one, so receivers can switch over. */
export const ROTATION_GRACE_MS = 24 * 3_600_000;

/** The secrets a delivery is signed with now: the current one, and the previous one in its grace. */
export const signingSecrets = (
  e: { secret: string; previousSecret?: string | null; previousSecretUntil?: Date | null },
  now = new Date(),
) => [
  e.secret,
  ...(e.previousSecret && e.previousSecretUntil && e.previousSecretUntil > now ? [e.previousSecret] : []),
];

/**
 * The three headers of the Standard Webhooks specification; each signature is `v1,` + base64
 * HMAC-SHA256 over `id.timestamp.body` with a decoded secret, several separated by spaces (the
 * spec's way to rotate: a receiver accepts the message if any one verifies).
 */
export function signedHeaders(secrets: string[], messageId: string, body: string, at = new Date()) {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets
      .map((secret) => new Webhook(secret).sign(messageId, new Date(timestamp * 1000), body))
      .join(' '),
  };
}
