import { createHash } from 'node:crypto';

import { Types } from 'mongoose';

/**
 * An ObjectId computed from what a document is about (a rule and a response, an endpoint and a
 * message): inserting under it twice hits the unique _id index, so "at most once" is the
 * database's guarantee rather than a read-then-write race.
 */
export const derivedId = (...parts: string[]): Types.ObjectId =>
  new Types.ObjectId(createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 24));

export const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;
