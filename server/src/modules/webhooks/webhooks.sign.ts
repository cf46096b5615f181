import { randomBytes } from 'node:crypto';

import { Webhook } from 'standardwebhooks';

/** A new signing secret in the Standard Webhooks form: `whsec_` and a base64 key of 24 bytes. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * The three headers of the Standard Webhooks specification; the signature is
 * `v1,` + base64 HMAC-SHA256 over `id.timestamp.body` with the decoded secret.
 */
export function signedHeaders(secret: string, messageId: string, body: string, at = new Date()) {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': new Webhook(secret).sign(messageId, new Date(timestamp * 1000), body),
  };
}
