import { TZDate } from '@date-fns/tz';

export interface QuietHours {
  start: string;
  end: string;
}

const minutesOf = (clock: string) => {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/**
 * The first moment at or after `earliest` outside the quiet hours, read on the contact's wall
 * clock in `zone` (so a half-hour zone or a DST change moves the real instant, not the local
 * time). A window whose start is after its end spans midnight (21:00–08:00).
 */
export function outsideQuietHours(earliest: Date, zone: string, quiet: QuietHours | null): Date {
  if (!quiet || quiet.start === quiet.end) return earliest;
  const local = new TZDate(earliest.getTime(), zone);
  const now = local.getHours() * 60 + local.getMinutes();
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const spansMidnight = start > end;
  const quietNow = spansMidnight ? now >= start || now < end : now >= start && now < end;
  if (!quietNow) return earliest;
  const addDays = spansMidnight && now >= start ? 1 : 0;
  const resume = new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() + addDays,
    Math.floor(end / 60),
    end % 60,
    0,
    zone,
  );
  return new Date(resume.getTime());
}

/** Delay first, then quiet hours in the contact's zone (the organisation's when unknown). */
export function planSendTime(opts: {
  now: Date;
  occurredAt?: Date;
  delayMinutes: number;
  zone: string;
  quietHours: QuietHours | null;
}): Date {
  const base = Math.max(opts.now.getTime(), (opts.occurredAt ?? opts.now).getTime() + opts.delayMinutes * 60_000);
  return outsideQuietHours(new Date(base), opts.zone, opts.quietHours);
}
