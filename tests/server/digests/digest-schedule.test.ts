import {
  coverageOf,
  duePeriod,
  latestDuePeriod,
  localTime,
  nextDueAt,
} from '../../../server/src/modules/digests/digest-schedule';

const LONG_AGO = new Date('2020-01-01T00:00:00Z');

describe('when a digest is due, in the recipient’s zone', () => {
  // Asia/Kolkata is UTC+05:30 all year: 08:00 there is 02:30 UTC.
  const kolkata = { frequency: 'daily', hour: 8, timeZone: 'Asia/Kolkata' } as const;

  it('a daily 08:00 digest in a half-hour zone is due at 02:30 UTC, not a minute before', () => {
    expect(localTime('2026-12-02', 8, 'Asia/Kolkata').toISOString()).toBe('2026-12-02T02:30:00.000Z');
    const before = duePeriod(
      { ...kolkata, lastPeriod: '2026-12-01', activeSince: LONG_AGO },
      new Date('2026-12-02T02:29:00Z'),
    );
    expect(before).toBeNull();
    const at = duePeriod(
      { ...kolkata, lastPeriod: '2026-12-01', activeSince: LONG_AGO },
      new Date('2026-12-02T02:30:00Z'),
    );
    expect(at).toEqual({ key: '2026-12-02', day: '2026-12-02', dueAt: new Date('2026-12-02T02:30:00Z') });
  });

  it('after local midnight (19:00 UTC = 00:30 the next day there) the latest due digest is still the day before’s', () => {
    expect(latestDuePeriod(kolkata, new Date('2026-12-02T19:00:00Z')).key).toBe('2026-12-02');
    expect(latestDuePeriod(kolkata, new Date('2026-12-03T02:29:59Z')).key).toBe('2026-12-02');
    expect(latestDuePeriod(kolkata, new Date('2026-12-03T02:30:00Z')).key).toBe('2026-12-03');
  });

  it('a digest covers the time since the one before, to the minute', () => {
    const period = latestDuePeriod(kolkata, new Date('2026-12-02T03:00:00Z'));
    expect(coverageOf(kolkata, period)).toEqual({
      from: new Date('2026-12-01T02:30:00Z'),
      to: new Date('2026-12-02T02:30:00Z'),
    });
  });

  it('is not sent twice for a period, nor for a period that passed before the subscription existed', () => {
    const now = new Date('2026-12-02T05:00:00Z');
    expect(duePeriod({ ...kolkata, lastPeriod: '2026-12-02', activeSince: LONG_AGO }, now)).toBeNull();
    // Set up at 10:00 local for 08:00: the first digest is tomorrow's.
    const created = new Date('2026-12-02T04:30:00Z');
    expect(duePeriod({ ...kolkata, lastPeriod: null, activeSince: created }, now)).toBeNull();
    expect(nextDueAt({ ...kolkata, lastPeriod: null, activeSince: created }, now)).toEqual(
      new Date('2026-12-03T02:30:00Z'),
    );
  });

  it('weekly digests arrive on Mondays (Kathmandu, UTC+05:45) and monthly ones on the 1st (St John’s, UTC−03:30)', () => {
    const weekly = { frequency: 'weekly', hour: 9, timeZone: 'Asia/Kathmandu' } as const;
    // Wednesday 2 December 2026: the week's digest was due on Monday 30 November, 09:00 local.
    expect(latestDuePeriod(weekly, new Date('2026-12-02T12:00:00Z'))).toEqual({
      key: '2026-W49',
      day: '2026-11-30',
      dueAt: new Date('2026-11-30T03:15:00Z'),
    });
    const monthly = { frequency: 'monthly', hour: 7, timeZone: 'America/St_Johns' } as const;
    expect(latestDuePeriod(monthly, new Date('2026-12-01T10:29:00Z')).key).toBe('2026-11');
    expect(latestDuePeriod(monthly, new Date('2026-12-01T10:30:00Z'))).toEqual({
      key: '2026-12',
      day: '2026-12-01',
      dueAt: new Date('2026-12-01T10:30:00Z'),
    });
    // January's digest covers December, from its own due time on.
    const january = latestDuePeriod(monthly, new Date('2027-01-05T00:00:00Z'));
    expect(coverageOf(monthly, january).from).toEqual(new Date('2026-12-01T10:30:00Z'));
  });
});
