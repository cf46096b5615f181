import { z } from 'zod';

const objectId = z.string().regex(/^[0-9a-f]{24}$/u, 'must be an id');

export const InsightsQuery = z
  .object({
    /** Themes of one touchpoint against all of them; drivers and emerging default to every touchpoint. */
    touchpointId: objectId.optional(),
    /** The last day of the period (ISO date); today by default. */
    until: z.iso.date().optional(),
    /** How many ISO weeks the background covers, up to a year. */
    weeks: z.coerce.number().int().min(2).max(52).default(12),
    /** Mentions a theme needs before it can show, so three angry comments are not a trend. */
    minMentions: z.coerce.number().int().min(1).max(1000).default(5),
  })
  .strict();
export type InsightsQuery = z.infer<typeof InsightsQuery>;

export const InsightTheme = z.object({
  key: z.string(),
  label: z.string(),
  /** Comments mentioning it in the group looked at. */
  mentions: z.number().int(),
  /** Mean sentiment of those comments, −1 … 1. */
  sentiment: z.number(),
  /** Weighted log-odds against the comparison group and its z-score (Monroe et al. 2008). */
  delta: z.number(),
  z: z.number(),
});
export type InsightTheme = z.infer<typeof InsightTheme>;

export const InsightsResponse = z.object({
  weeks: z.array(z.string()),
  /** Comments with at least one term in the group looked at. */
  comments: z.number().int(),
  themes: z.array(InsightTheme),
});
export type InsightsResponse = z.infer<typeof InsightsResponse>;

export const VocabularyBody = z
  .object({
    language: z.enum(['en', 'fr', 'de', 'es']),
    /** The theme as the organisation names it, e.g. "Delivery time". */
    label: z.string().trim().min(1).max(80),
    /** Words or phrases counted under it, e.g. ["delivery time", "shipping time", "late delivery"]. */
    synonyms: z.array(z.string().trim().min(1).max(80)).min(1).max(50),
  })
  .strict();
export type VocabularyBody = z.infer<typeof VocabularyBody>;

export const VocabularyResponse = z.object({
  themes: z.array(z.object({ key: z.string(), label: z.string(), members: z.array(z.string()) })),
});
export type VocabularyResponse = z.infer<typeof VocabularyResponse>;

export const ThemeCommentsQuery = z
  .object({
    /** A theme's key as the themes, drivers and emerging lists give it. */
    theme: z.string().trim().min(1).max(200),
    touchpointId: objectId.optional(),
    until: z.iso.date().optional(),
    weeks: z.coerce.number().int().min(1).max(52).default(12),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type ThemeCommentsQuery = z.infer<typeof ThemeCommentsQuery>;

export const ThemeComment = z.object({
  responseId: z.string(),
  touchpointId: z.string().nullable(),
  band: z.string(),
  week: z.string(),
  /** The comment as the customer wrote it (plain text: escape it wherever it is shown). */
  text: z.string(),
  /** Where the theme's words stand in `text`, as [start, end) offsets in UTF-16 code units. */
  highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type ThemeComment = z.infer<typeof ThemeComment>;

export const ThemeCommentsResponse = z.object({ theme: z.string(), comments: z.array(ThemeComment) });
export type ThemeCommentsResponse = z.infer<typeof ThemeCommentsResponse>;
