/**
 * Every date and number the client shows goes through here, in the reader's own locale and time
 * zone, so the same instant never reads two ways on two screens.
 */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const fullDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const list = new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' });

export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

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

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const signedInteger = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const signedDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const percent = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

type MetricKind = 'nps' | 'csat' | 'ces';

/** A headline score: NPS as signed points (+42), CSAT and CES as the share of positive answers (78%). */
export const formatScore = (kind: MetricKind, score: number): string =>
  kind === 'nps' ? signedInteger.format(Math.round(score)) : `${percent.format(score)}%`;

/** A 95% interval in the score's own units: "+12 to +38", "71% to 84%". */
export const formatInterval = (kind: MetricKind, interval: { low: number; high: number }): string =>
  `${formatScore(kind, interval.low)} to ${formatScore(kind, interval.high)}`;

/** A change of the headline score: NPS points or percentage points. */
export const formatChange = (kind: MetricKind, difference: number): string =>
  `${signedDecimal.format(difference)} ${kind === 'nps' ? 'pts' : 'pp'}`;

export const formatMean = (mean: number): string => oneDecimal.format(mean);

/** A p-value as people read it: "p < 0.001", "p = 0.03". */
export const formatPValue = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
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

/** A share (0…1) as a whole percentage: "67%". */
export const formatShare = (share: number): string => `${percent.format(share * 100)}%`;

/** A 95% interval of a share: "21% to 94%". */
export const formatShareInterval = (interval: { low: number; high: number }): string =>
  `${formatShare(interval.low)} to ${formatShare(interval.high)}`;

/** A duration in hours as people say it: "45 min", "5.5 h", "3.2 days". */
export function formatHours(hours: number): string {
  if (hours < 1) return `${integer.format(Math.round(hours * 60))} min`;
  if (hours < 48) return `${oneDecimal.format(hours)} h`;
  return `${oneDecimal.format(hours / 24)} days`;
}
