import {
  addBusinessTime,
  addClockTime,
  businessTimeBetween,
  type Calendar,
} from '../../../shared/src/metrics/business-time';
import { BusinessCalendar } from '../../../shared/src/schemas/sla';

const HOUR = 3_600_000;
const nineToFive = [{ start: '09:00', end: '17:00' }];
const weekdays = (zone: string, hours = nineToFive): Calendar =>
  BusinessCalendar.parse({ timeZone: zone, hours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours } });

describe('time on the business clock', () => {
  it('a case opened Friday 16:00 with 4 business hours is due Monday 12:00, its 75% on Monday 11:00; 24/7 is due Friday 20:00', () => {
    const cal = weekdays('Europe/London');
    // Friday 4 December 2026, 16:00 in London (GMT, so also 16:00Z).
    const opened = new Date('2026-12-04T16:00:00Z');
    expect(addBusinessTime(cal, opened, 4 * HOUR).toISOString()).toBe('2026-12-07T12:00:00.000Z');
    expect(addBusinessTime(cal, opened, 3 * HOUR).toISOString()).toBe('2026-12-07T11:00:00.000Z');
    expect(addClockTime('24/7', cal, opened, 4 * HOUR).toISOString()).toBe('2026-12-04T20:00:00.000Z');
    expect(addClockTime('24/7', cal, opened, 3 * HOUR).toISOString()).toBe('2026-12-04T19:00:00.000Z');
  });

  it('in a half-hour zone (Kolkata, +05:30) opening hours are local: 09:00 there is 03:30Z', () => {
    const cal = weekdays('Asia/Kolkata');
    // Monday 7 December 2026, 08:00 local: before opening, so the clock starts at 09:00 local.
    const opened = new Date('2026-12-07T02:30:00Z');
    expect(addBusinessTime(cal, opened, HOUR).toISOString()).toBe('2026-12-07T04:30:00.000Z');
    // 8 business hours from 16:00 local end at 16:00 local the next working day.
    expect(addBusinessTime(cal, new Date('2026-12-07T10:30:00Z'), 8 * HOUR).toISOString()).toBe(
      '2026-12-08T10:30:00.000Z',
    );
    expect(businessTimeBetween(cal, opened, new Date('2026-12-08T10:30:00Z'))).toBe(15 * HOUR);
  });

  it('across the spring DST change (Paris, 29 March 2026) the working day keeps its hours and only the offset moves', () => {
    const cal = weekdays('Europe/Paris');
    // Friday 27 March 16:00 CET = 15:00Z; Monday 30 March 12:00 CEST = 10:00Z.
    const opened = new Date('2026-03-27T15:00:00Z');
    expect(addBusinessTime(cal, opened, 4 * HOUR).toISOString()).toBe('2026-03-30T10:00:00.000Z');
    expect(businessTimeBetween(cal, opened, new Date('2026-03-30T10:00:00Z'))).toBe(4 * HOUR);
    // 24/7 counts real hours: 72 of them end at 16:00 local on Monday, not 15:00.
    expect(addClockTime('24/7', cal, opened, 72 * HOUR).toISOString()).toBe('2026-03-30T15:00:00.000Z');
  });

  it('opening hours that span the skipped hour (Sunday 01:00–04:00 on 29 March, Paris) last two real hours', () => {
    const cal = BusinessCalendar.parse({
      timeZone: 'Europe/Paris',
      hours: { sun: [{ start: '01:00', end: '04:00' }] },
    });
    const sundayStart = new Date('2026-03-28T23:00:00Z');
    expect(businessTimeBetween(cal, sundayStart, new Date('2026-03-29T12:00:00Z'))).toBe(2 * HOUR);
    // The autumn change (25 October) makes the same hours last four.
    expect(businessTimeBetween(cal, new Date('2026-10-24T22:00:00Z'), new Date('2026-10-25T12:00:00Z'))).toBe(4 * HOUR);
  });

  it('skips holidays and split days, and a target met at closing time is due at closing time', () => {
    const cal = BusinessCalendar.parse({
      timeZone: 'UTC',
      hours: {
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '17:00' },
        ],
        tue: nineToFive,
      },
      holidays: [{ date: '2026-12-08', name: 'Closed' }],
    });
    const monday = new Date('2026-12-07T08:00:00Z');
    expect(addBusinessTime(cal, monday, 4 * HOUR).toISOString()).toBe('2026-12-07T14:00:00.000Z');
    expect(addBusinessTime(cal, monday, 7 * HOUR).toISOString()).toBe('2026-12-07T17:00:00.000Z');
    // Tuesday 8 is a holiday: the next hour is Monday 14 December.
    expect(addBusinessTime(cal, monday, 8 * HOUR).toISOString()).toBe('2026-12-14T10:00:00.000Z');
    expect(businessTimeBetween(cal, new Date('2026-12-07T12:30:00Z'), new Date('2026-12-07T13:30:00Z'))).toBe(HOUR / 2);
    expect(businessTimeBetween(cal, new Date('2026-12-07T13:30:00Z'), new Date('2026-12-07T12:30:00Z'))).toBe(0);
  });
});

describe('calendar validation', () => {
  const fail = (input: unknown) => BusinessCalendar.safeParse(input).error!.issues.map((i) => i.path.join('.'));
  it('names the failing field: unknown zone, overlapping or reversed hours, a week never open', () => {
    expect(fail({ timeZone: 'Mars/Olympus', hours: { mon: nineToFive } })).toEqual(['timeZone']);
    expect(
      fail({
        timeZone: 'UTC',
        hours: {
          mon: [
            { start: '09:00', end: '13:00' },
            { start: '12:00', end: '17:00' },
          ],
        },
      }),
    ).toEqual(['hours.mon.1.start']);
    expect(fail({ timeZone: 'UTC', hours: { tue: [{ start: '17:00', end: '09:00' }] } })).toEqual(['hours.tue.0.end']);
    expect(fail({ timeZone: 'UTC', hours: { wed: [{ start: '9am', end: '17:00' }] } })).toEqual(['hours.wed.0.start']);
    expect(fail({ timeZone: 'UTC', hours: {} })).toEqual(['hours']);
  });
});
