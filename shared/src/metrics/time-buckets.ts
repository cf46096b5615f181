import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, getISOWeek, getISOWeekYear } from 'date-fns';

import type { Granularity } from './calendar';

/**
 * Calendar buckets in an organisation's reporting time zone. A response belongs to the local day
 * on which it was answered there; weeks (ISO 8601) and months are unions of local days, so every
 * coarser figure is a sum of day histograms and agrees with the finer ones exactly.
 *
 * Day keys are civil dates ("2026-03-29"); once a day is known, week and month are pure calendar
 * arithmetic, independent of the zone.
 */
/** A cached formatter per zone: Intl.DateTimeFormat is costly to build, cheap to reuse (10× in hot loops). */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The local day (YYYY-MM-DD) an instant falls on in the zone. */
export function localDay(instant: Date, zone: string): string {
  let year = '';
  let month = '';
  let day = '';
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

const civil = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 'UTC');
};
const keyOf = (date: Date) => date.toISOString().slice(0, 10);

/** The instant a local day begins in the zone (the first existing minute when midnight is skipped). */
export function localDayStart(day: string, zone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(+new TZDate(y, m - 1, d, zone));
}

export const monthOfDay = (day: string): string => day.slice(0, 7);

/** ISO 8601 week key, e.g. "2026-W53": the week-numbering year may differ from the calendar year. */
export function isoWeekOfDay(day: string): string {
  const date = civil(day);
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}

export function bucketOfDay(day: string, granularity: Granularity): string {
  if (granularity === 'day') return day;
  return granularity === 'week' ? isoWeekOfDay(day) : monthOfDay(day);
}

export const addDaysToKey = (day: string, n: number): string => keyOf(addDays(civil(day), n));

/** Whole days from `from` to `to` (0 when equal). */
export const daysFrom = (from: string, to: string): number => differenceInCalendarDays(civil(to), civil(from));

/** Every local day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDaysToKey(day, 1)) days.push(day);
  return days;
}

/** Every month key (YYYY-MM) a day range touches: rollups are bucketed a month per document. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const last = monthOfDay(to);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
}

/** The period of equal length just before [from, to]: what "compared with the previous period" means. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysFrom(from, to) + 1;
  return { from: addDaysToKey(from, -length), to: addDaysToKey(from, -1) };
}
