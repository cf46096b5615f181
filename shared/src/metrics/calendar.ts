import { z } from 'zod';

/**
 * The calendar vocabulary of analytics, apart from the time-zone arithmetic in time-buckets.ts so
 * the client can validate filters without shipping date-fns.
 */
export const Granularity = z.enum(['day', 'week', 'month']);
export type Granularity = z.infer<typeof Granularity>;

export const DayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD');
