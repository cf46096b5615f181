import { TZDate } from '@date-fns/tz';

import { WEEKDAYS, type BusinessCalendar, type SlaClock } from '../schemas/sla';
import { addDaysToKey, localDay } from './time-buckets';

/**
 * Time on an SLA's clock. The business clock runs during a calendar's weekly opening hours in
 * its time zone, minus holidays; 24/7 counts every millisecond. Opening hours are civil times
 * turned into instants per day through @date-fns/tz, so a DST change shortens or lengthens the
 * night, not the working day, and half-hour zones (Kolkata, St John's) need no special case.
 */
export type Calendar = Pick<BusinessCalendar, 'timeZone' | 'hours' | 'holidays'>;

// A calendar that opens at least once a week finds its time within a year, holidays aside.
const MAX_DAYS = 3 * 366;

/** The instant a civil time ("09:00", or "24:00" for the end of the day) falls on in the zone. */
function instantOf(day: string, hhmm: string, zone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return +new TZDate(y, m - 1, d, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3)), zone);
}

/** The day's opening intervals as instants [start, end), in order. */
function openingsOn(cal: Calendar, day: string): Array<[number, number]> {
  if (cal.holidays.some((h) => h.date === day)) return [];
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
  return cal.hours[weekday].map((h) => [instantOf(day, h.start, cal.timeZone), instantOf(day, h.end, cal.timeZone)]);
}

/** Every opening interval from the local day `from` falls on, clipped to begin no earlier than `from`. */
function* openingsFrom(cal: Calendar, from: number): Generator<[number, number]> {
  let day = localDay(new Date(from), cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = addDaysToKey(day, 1)) {
    for (const [start, end] of openingsOn(cal, day)) {
      if (end > from) yield [Math.max(start, from), end];
    }
  }
}

/** The instant `ms` of business time after `from`; a target met exactly at closing is due at closing. */
export function addBusinessTime(cal: Calendar, from: Date, ms: number): Date {
  let left = ms;
  for (const [start, end] of openingsFrom(cal, from.getTime())) {
    if (left <= end - start) return new Date(start + left);
    left -= end - start;
  }
  throw new Error('the calendar has no opening hours within three years');
}

/** Business time between two instants (0 when `to` is not after `from`). */
export function businessTimeBetween(cal: Calendar, from: Date, to: Date): number {
  let total = 0;
  for (const [start, end] of openingsFrom(cal, from.getTime())) {
    if (start >= to.getTime()) break;
    total += Math.min(end, to.getTime()) - start;
  }
  return total;
}

/** `ms` after `from` on the chosen clock. */
export const addClockTime = (clock: SlaClock, cal: Calendar, from: Date, ms: number): Date =>
  clock === '24/7' ? new Date(from.getTime() + ms) : addBusinessTime(cal, from, ms);
