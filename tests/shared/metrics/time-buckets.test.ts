import {
  bucketOfDay,
  daysBetween,
  isoWeekOfDay,
  localDay,
  localDayStart,
  monthsBetween,
  previousPeriod,
} from '../../../shared/src/metrics/time-buckets';

const at = (iso: string) => new Date(iso);
const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;

describe('local days in the reporting zone', () => {
  it('Asia/Kolkata (+05:30): the new year starts at 18:30 UTC, to the second', () => {
    expect(localDay(at('2026-12-31T18:29:59Z'), 'Asia/Kolkata')).toBe('2026-12-31');
    expect(localDay(at('2026-12-31T18:30:00Z'), 'Asia/Kolkata')).toBe('2027-01-01');
    expect(localDayStart('2027-01-01', 'Asia/Kolkata').toISOString()).toBe('2026-12-31T18:30:00.000Z');
  });

  it('Asia/Kathmandu (+05:45): the day turns at 18:15 UTC', () => {
    expect(localDay(at('2026-06-30T18:14:59Z'), 'Asia/Kathmandu')).toBe('2026-06-30');
    expect(localDay(at('2026-06-30T18:15:00Z'), 'Asia/Kathmandu')).toBe('2026-07-01');
    expect(localDayStart('2026-07-01', 'Asia/Kathmandu').toISOString()).toBe('2026-06-30T18:15:00.000Z');
  });

  it('Europe/Paris: the spring-forward day has 23 hours and the fall-back day 25', () => {
    const spring = localDayStart('2026-03-29', 'Europe/Paris');
    expect(spring.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(hours(spring, localDayStart('2026-03-30', 'Europe/Paris'))).toBe(23);
    expect(hours(localDayStart('2026-10-25', 'Europe/Paris'), localDayStart('2026-10-26', 'Europe/Paris'))).toBe(25);
    // 23:00 UTC on 25 October is midnight of the 26th in Paris, back on +01:00.
    expect(localDay(at('2026-10-25T22:59:59Z'), 'Europe/Paris')).toBe('2026-10-25');
    expect(localDay(at('2026-10-25T23:00:00Z'), 'Europe/Paris')).toBe('2026-10-26');
  });

  it('Australia/Adelaide (+10:30 → +09:30 on 5 April 2026): that day has 25 hours, half-hour offsets on both sides', () => {
    expect(localDayStart('2026-04-05', 'Australia/Adelaide').toISOString()).toBe('2026-04-04T13:30:00.000Z');
    expect(localDayStart('2026-04-06', 'Australia/Adelaide').toISOString()).toBe('2026-04-05T14:30:00.000Z');
    expect(localDay(at('2026-04-05T14:29:59Z'), 'Australia/Adelaide')).toBe('2026-04-05');
    expect(localDay(at('2026-04-05T14:30:00Z'), 'Australia/Adelaide')).toBe('2026-04-06');
    // And back to +10:30 on 4 October: a 23-hour day.
    expect(
      hours(localDayStart('2026-10-04', 'Australia/Adelaide'), localDayStart('2026-10-05', 'Australia/Adelaide')),
    ).toBe(23);
  });
});

describe('weeks and months', () => {
  it('the ISO week spanning a new year belongs to the year that holds its Thursday', () => {
    // 1 January 2026 is a Thursday, so 2026 has 53 ISO weeks and W53 runs Mon 28 Dec – Sun 3 Jan.
    expect(isoWeekOfDay('2026-12-28')).toBe('2026-W53');
    expect(isoWeekOfDay('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOfDay('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOfDay('2027-01-04')).toBe('2027-W01');
    // Monday 30 December 2024 opens 2025-W01.
    expect(isoWeekOfDay('2024-12-30')).toBe('2025-W01');
    expect(isoWeekOfDay('2026-01-01')).toBe('2026-W01');
  });

  it('an answer at 18:30 UTC on New Year’s Eve counts in Kolkata’s January and its week 2026-W53', () => {
    const day = localDay(at('2026-12-31T18:30:00Z'), 'Asia/Kolkata');
    expect(bucketOfDay(day, 'month')).toBe('2027-01');
    expect(bucketOfDay(day, 'week')).toBe('2026-W53');
    expect(bucketOfDay(localDay(at('2026-12-31T18:30:00Z'), 'UTC'), 'month')).toBe('2026-12');
  });

  it('ranges of days, months and the previous period', () => {
    expect(daysBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-01-29', to: '2026-02-28' });
  });
});
