import { z } from 'zod';

/** A MongoDB ObjectId as it travels in URLs and JSON. */
export const Id = z.string().regex(/^[a-f0-9]{24}$/, 'must be a 24-character hex id');

export const Email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

/** Length-limited before hashing: argon2 of a megabyte-long password is a denial of service. */
export const Password = z.string().min(10, 'must be at least 10 characters').max(128, 'must be at most 128 characters');

// Characters that have no place in a one-line label: C0/C1 controls (CR/LF/NUL/tab, the
// header-injection vector once names go into mail headers), line and paragraph separators, and the
// bidi embeddings, overrides and isolates that make text read differently from how it is stored.
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
// Whitespace, format characters (zero-width space/joiners, BOM, marks) and fillers that render
// as nothing: a name made only of these looks blank.
const INVISIBLE = /^[\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]+$/u;

/**
 * Every single-line text field (names, organisation and sender names, key names): trimmed,
 * non-blank to the eye, no control or direction-changing characters. Zero-width joiners inside
 * a name stay allowed: emoji sequences and some scripts (Persian, Indic) need them.
 */
export const singleLine = (max = 100) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !FORBIDDEN.test(s), 'must be one line without control or text-direction characters')
    .refine((s) => !INVISIBLE.test(s), 'must contain visible characters');

export const PersonName = singleLine(100);

export const IsoDate = z.iso.datetime();

/** Cursor pagination: pass `nextCursor` back as `cursor` for the next page. */
export const PageQuery = z.strictObject({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
