import { z } from 'zod';

/** A MongoDB ObjectId as it travels in URLs and JSON. */
export const Id = z.string().regex(/^[a-f0-9]{24}$/, 'must be a 24-character hex id');

export const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

/** Length-limited before hashing: argon2 of a megabyte-long password is a denial of service. */
export const Password = z.string().min(10, 'must be at least 10 characters').max(128, 'must be at most 128 characters');

export const PersonName = z.string().trim().min(1).max(100);

export const IsoDate = z.iso.datetime();

/** Cursor pagination: pass `nextCursor` back as `cursor` for the next page. */
export const PageQuery = z.strictObject({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
