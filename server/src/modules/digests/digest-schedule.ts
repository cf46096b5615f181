import { TZDate } from '@date-fns/tz';

import { addDaysToKey, isoWeekOfDay, localDay } from '@pulse/shared/metrics/time-buckets';
import type { DigestFrequency } from '@pulse/shared/schemas/digests';

/**
 * When digests are due, as pure functions of the recipient's zone and the instant: the worker's
 * tick and the unit tests call the same code. A period is named by the local day, ISO week or
 * month it is delivered in ("2026-12-02", "2026-W49", "2026-12"): that name, with the
 * subscription, is the digest's identity, so however often the tick runs it is one digest.
 */

export interface Timing {
  frequency: DigestFrequency;
  hour: number;
  timeZone: string;
}

export interface Period {
  key: string;
  /** The local day it is delivered on: every day, Mondays, or the 1st of the month. */
  day: string;
  /** That day at the chosen hour in the recipient's zone. */
  dueAt: Date;
}

/** A local wall-clock time as an instant; an hour skipped by a DST change lands on the next that exists. */
export function localTime(day: string, hour: number, zone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(+new TZDate(y, m - 1, d, hour, 0, 0, zone));
}

const mondayOf = (day: string) => addDaysToKey(day, -((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7));

function addMonths(day: string, n: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The period a local day belongs to. */
export function periodContaining(t: Timing, day: string): Period {
  const start = t.frequency === 'daily' ? day : t.frequency === 'weekly' ? mondayOf(day) : `${day.slice(0, 7)}-01`;
  const key = t.frequency === 'daily' ? start : t.frequency === 'weekly' ? isoWeekOfDay(start) : start.slice(0, 7);
  return { key, day: start, dueAt: localTime(start, t.hour, t.timeZone) };
}

/** The period after or before `p` (one day, week or month away). */
export function shiftPeriod(t: Timing, p: Period, by: 1 | -1): Period {
  const day =
    t.frequency === 'daily'
      ? addDaysToKey(p.day, by)
      : t.frequency === 'weekly'
        ? addDaysToKey(p.day, 7 * by)
        : addMonths(p.day, by);
  return periodContaining(t, day);
}

/** The latest period whose delivery time has passed at `now`. */
export function latestDuePeriod(t: Timing, now: Date): Period {
  const current = periodContaining(t, localDay(now, t.timeZone));
  return current.dueAt <= now ? current : shiftPeriod(t, current, -1);
}

/** What one digest covers: from the previous period's delivery time to its own. */
export const coverageOf = (t: Timing, p: Period) => ({ from: shiftPeriod(t, p, -1).dueAt, to: p.dueAt });

/**
 * The period to deliver now, if any: the latest one due, unless it was already sent or skipped,
 * or its time passed before the subscription existed (a digest set up at 10:00 for 08:00 starts
 * tomorrow rather than at once). A missed tick catches up with the latest period only.
 */
export function duePeriod(t: Timing & { lastPeriod: string | null; activeSince: Date }, now: Date): Period | null {
  const latest = latestDuePeriod(t, now);
  if (latest.key === t.lastPeriod || latest.dueAt < t.activeSince) return null;
  return latest;
}

/** When the next digest is due: the pending one, else the one after the latest. */
export function nextDueAt(t: Timing & { lastPeriod: string | null; activeSince: Date }, now: Date): Date {
  return duePeriod(t, now)?.dueAt ?? shiftPeriod(t, latestDuePeriod(t, now), 1).dueAt;
}
