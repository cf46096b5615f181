import { createHash, createHmac } from 'node:crypto';

import { Types } from 'mongoose';

import { hashSecret, parseSecret, secretMatches } from '../../lib/tokens';

const PREFIX = 'inv';

/**
 * An invitation's link secret is derived from its id and SECRET_KEY (HMAC-SHA256, 192 bits kept),
 * so the worker can put it into the first email and every reminder without the secret ever being
 * stored; the database holds only the HMAC of that secret, as for every other Pulse token. A
 * database leak alone yields no usable link; SECRET_KEY already guards every session and token.
 */
const secretOf = (id: string, key: string) =>
  createHmac('sha256', key).update(`invitation-link:${id}`).digest('base64url').slice(0, 32);

export const invitationToken = (id: Types.ObjectId | string, key: string) =>
  `${PREFIX}_${String(id)}_${secretOf(String(id), key)}`;

export const invitationTokenHash = (id: Types.ObjectId | string, key: string) =>
  hashSecret(secretOf(String(id), key), key);

/** The invitation id a token names, if its secret matches the stored hash (checked by the caller). */
export const parseInvitationToken = (token: string) => parseSecret(PREFIX, token);

export const tokenMatches = (secret: string, storedHash: string, key: string) => secretMatches(secret, storedHash, key);

/** A caller's idempotency key as an _id: replays are reads by _id, the cheap read on every backend. */
export const invitationIdFor = (organisationId: string, idempotencyKey: string) =>
  new Types.ObjectId(
    createHash('sha256').update(`${organisationId}\u0000${idempotencyKey}`).digest('hex').slice(0, 24),
  );
