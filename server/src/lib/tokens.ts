import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

import { Types } from 'mongoose';

/**
 * Secrets handed to people (API keys, invitation and reset links) are `<prefix>_<id>_<secret>`:
 * the id finds the stored record by _id (the one cheap read on every backend), and only an HMAC
 * of the secret is stored, so a database leak gives no usable key.
 */
export interface IssuedSecret {
  id: Types.ObjectId;
  token: string;
  hash: string;
}

export function issueSecret(prefix: string, key: string): IssuedSecret {
  const id = new Types.ObjectId();
  const secret = randomBytes(24).toString('base64url');
  return { id, token: `${prefix}_${id.toHexString()}_${secret}`, hash: hashSecret(secret, key) };
}

export function parseSecret(prefix: string, token: string): { id: string; secret: string } | undefined {
  const match = new RegExp(`^${prefix}_([a-f0-9]{24})_([A-Za-z0-9_-]{32})$`).exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

export function hashSecret(secret: string, key: string): string {
  return createHmac('sha256', key).update(secret).digest('base64url');
}

export function secretMatches(secret: string, storedHash: string, key: string): boolean {
  const a = Buffer.from(hashSecret(secret, key));
  const b = Buffer.from(storedHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
