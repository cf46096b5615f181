/**
 * The time SLA due dates and escalations run on. Production reads the wall clock; a test binds
 * a faster one (a weekend passing in seconds), and `delayUntil` turns a due instant into the
 * real delay of a BullMQ job on that clock, so the jobs stay real delayed jobs.
 */
export interface Clock {
  now(): Date;
  delayUntil(at: Date): number;
}

const wallClock: Clock = {
  now: () => new Date(),
  delayUntil: (at) => Math.max(0, at.getTime() - Date.now()),
};

let current = wallClock;

/** Binds a clock (tests); without an argument, the wall clock again. */
export function bindClock(clock?: Clock): void {
  current = clock ?? wallClock;
}

export const clock = (): Clock => current;
