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
  const key = `${zone} ${quiet.start} ${quiet.end} ${Math.floor(earliest.getTime() / MINUTE)}`;
  let resume = resumeAt.get(key);
  if (resume === undefined) {
    const local = new TZDate(earliest.getTime(), zone);
    resume = quietUntil(local, zone, quiet);
    // A zone offset with seconds (local mean time, before ~1900) moves the answer within a minute.
    if (local.getSeconds() === earliest.getUTCSeconds()) {
      if (resumeAt.size >= MEMO_SIZE) resumeAt.clear();
      resumeAt.set(key, resume);
    }
  }
  return resume === null ? earliest : new Date(resume);
}

const MINUTE = 60_000;
const MEMO_SIZE = 10_000;
/**
 * Reading a wall clock through Intl costs ~50 µs, and a batch plans hundreds of sends within the
 * same minute or two. The answer is the same for every instant of one minute (quiet hours are
 * whole minutes, and so are today's zone offsets), so it is kept per zone, window and minute.
 */
const resumeAt = new Map<string, number | null>();

/** When quiet hours end, on the wall clock `local` reads; null when it is not quiet then. */
function quietUntil(local: TZDate, zone: string, quiet: QuietHours): number | null {
  const now = local.getHours() * 60 + local.getMinutes();
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const spansMidnight = start > end;
  const quietNow = spansMidnight ? now >= start || now < end : now >= start && now < end;
  if (!quietNow) return null;
  const addDays = spansMidnight && now >= start ? 1 : 0;
  return new TZDate(
    local.getFullYear(),
    local.getMonth(),
    local.getDate() + addDays,
    Math.floor(end / 60),
    end % 60,
    0,
    zone,
  ).getTime();
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
