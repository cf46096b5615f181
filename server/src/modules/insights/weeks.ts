import { getISOWeek, getISOWeekYear, subWeeks } from 'date-fns';

/** ISO week of an instant, in UTC: "2026-W49". */
export function isoWeek(at: Date): string {
  const utc = new Date(at.getTime() + at.getTimezoneOffset() * 60_000);
  return `${getISOWeekYear(utc)}-W${String(getISOWeek(utc)).padStart(2, '0')}`;
}

/** The `count` ISO weeks ending with the one `until` falls in, oldest first. */
export function weeksUntil(until: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => isoWeek(subWeeks(until, count - 1 - i)));
}
