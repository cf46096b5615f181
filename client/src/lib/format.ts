/**
 * Every date and number the client shows goes through here, in the reader's own locale and time
 * zone, so the same instant never reads two ways on two screens.
 */

const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const fullDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const list = new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' });

export const formatDate = (iso: string): string => date.format(new Date(iso));

/** For tooltips and `title` attributes, where there is room to be unambiguous. */
export const formatFullDateTime = (iso: string): string => fullDateTime.format(new Date(iso));

export const formatInteger = (value: number): string => integer.format(value);

export const formatList = (items: readonly string[]): string => list.format(items);

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "in 2 hours"; anything under a minute reads as "now". */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(0, 'second');
}

/** Whether an instant has passed, e.g. an invitation's expiry; read at render like formatRelative. */
export const isPast = (iso: string, now: number = Date.now()): boolean => new Date(iso).getTime() < now;

/** Pluralised counts in English copy: "1 member", "3 members". */
export const formatCount = (count: number, singular: string, plural = `${singular}s`): string =>
  `${formatInteger(count)} ${count === 1 ? singular : plural}`;

/** "GMT+2" for a time zone, right now; the current offset is what people recognise. */
export function formatTimeZoneOffset(timeZone: string, at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

const dateTimeWithZone = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** "Dec 1, 2026, 9:57 PM GMT+1": for records (the audit log) read by people in several zones. */
export const formatDateTimeWithZone = (iso: string): string => dateTimeWithZone.format(new Date(iso));

/** The instant a local calendar day (`2026-12-01`, as a date input gives it) starts in this browser's zone. */
export function startOfLocalDay(day: string, addDays = 0): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date! + addDays).toISOString();
}
