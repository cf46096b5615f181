import { z } from 'zod';

import { CasePriority } from './alerts';
import { Id, IsoDate, singleLine } from './common';
import { TimeZone } from './organisation';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const Clock = z.string().regex(CLOCK, 'must be a time such as 09:00 (24:00 ends a day)');
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

export const OpeningHours = z
  .object({ start: Clock, end: Clock })
  .refine((h) => !CLOCK.test(h.start) || !CLOCK.test(h.end) || minutesOf(h.start) < minutesOf(h.end), {
    message: 'must end after it starts',
    path: ['end'],
  });

/** One weekday's opening hours, in order and apart: overlapping hours would count time twice. */
const DayHours = z
  .array(OpeningHours)
  .max(6)
  .superRefine((hours, issue) => {
    for (let i = 1; i < hours.length; i++) {
      if (minutesOf(hours[i]!.start) < minutesOf(hours[i - 1]!.end)) {
        issue.addIssue({ code: 'custom', path: [i, 'start'], message: 'overlaps or precedes the hours before it' });
      }
    }
  });

export const Holiday = z.object({
  date: z.iso.date('must be a date such as 2026-12-25'),
  name: singleLine(80).optional(),
});

/**
 * When the business clock runs: weekly opening hours in the organisation's time zone, minus
 * holidays. A business-hours SLA counts only this time; a 24/7 one counts every minute.
 */
export const BusinessCalendar = z.object({
  timeZone: TimeZone,
  hours: z
    .object({
      sun: DayHours.default([]),
      mon: DayHours.default([]),
      tue: DayHours.default([]),
      wed: DayHours.default([]),
      thu: DayHours.default([]),
      fri: DayHours.default([]),
      sat: DayHours.default([]),
    })
    .refine((week) => Object.values(week).some((day) => day.length > 0), 'must open at least once a week'),
  holidays: z
    .array(Holiday)
    .max(200)
    .refine((list) => new Set(list.map((h) => h.date)).size === list.length, 'lists a date twice')
    .default([]),
});
export type BusinessCalendar = z.output<typeof BusinessCalendar>;

export const SlaClock = z.enum(['business', '24/7']);
export type SlaClock = z.infer<typeof SlaClock>;
export const SlaTarget = z.enum(['firstResponse', 'resolution']);
export type SlaTarget = z.infer<typeof SlaTarget>;
export const NotifyWhom = z.enum(['assignee', 'team', 'admins']);

/** At `percent` of a target's time (100 = at breach), do these; at least one thing. */
export const EscalationStep = z
  .object({
    target: SlaTarget.default('resolution'),
    percent: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100 (100 = at breach)'),
    notify: z.array(NotifyWhom).max(3).default([]),
    /** A membership id the case moves to. */
    reassignTo: Id.nullable().default(null),
    /** The team "team" mails; null: the case's own team (or, without one, everyone who works cases). */
    teamId: Id.nullable().default(null),
    raisePriority: z.boolean().default(false),
  })
  .refine((s) => s.notify.length > 0 || s.reassignTo !== null || s.raisePriority, {
    message: 'must notify, reassign or raise the priority',
    path: ['notify'],
  });
export type EscalationStep = z.output<typeof EscalationStep>;

const SlaMinutes = z
  .number()
  .int('must be whole minutes')
  .positive('must be more than zero')
  .max(60 * 24 * 365);

const policyFields = {
  name: singleLine(80),
  /** null: every touchpoint without a policy of its own. */
  touchpointId: Id.nullable().default(null),
  /** null: every priority without a policy of its own. */
  priority: CasePriority.nullable().default(null),
  clock: SlaClock.default('business'),
  firstResponseMinutes: SlaMinutes,
  resolutionMinutes: SlaMinutes,
  escalations: z.array(EscalationStep).max(10).default([]),
};

export const CreateSlaPolicyBody = z
  .object(policyFields) // A zero or missing resolution target has its own error: this one would only repeat it.
  .refine((p) => !(p.resolutionMinutes > 0) || p.firstResponseMinutes <= p.resolutionMinutes, {
    message: 'must not be later than the resolution target',
    path: ['firstResponseMinutes'],
  });
export type CreateSlaPolicyBody = z.output<typeof CreateSlaPolicyBody>;
/** A whole policy replaces the old one: its steps are one list, edited as one. */
export const UpdateSlaPolicyBody = CreateSlaPolicyBody;

export const SlaPolicyParams = z.object({ policyId: Id });

export const SlaPolicy = z.object({
  id: Id,
  name: z.string(),
  touchpointId: Id.nullable(),
  priority: CasePriority.nullable(),
  clock: SlaClock,
  firstResponseMinutes: z.number().int(),
  resolutionMinutes: z.number().int(),
  escalations: z.array(
    z.object({
      target: SlaTarget,
      percent: z.number().int(),
      notify: z.array(NotifyWhom),
      reassignTo: Id.nullable(),
      teamId: Id.nullable(),
      raisePriority: z.boolean(),
    }),
  ),
  updatedAt: IsoDate,
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const SlaPolicyResponse = z.object({ policy: SlaPolicy });
export const SlaPoliciesResponse = z.object({ policies: z.array(SlaPolicy) });
export const BusinessCalendarResponse = z.object({ calendar: BusinessCalendar });

/** What a case carries of its SLA (the contract other modules read). */
export const CaseSla = z.object({
  policyId: Id.nullable(),
  clock: SlaClock,
  firstResponseDueAt: IsoDate.nullable(),
  resolutionDueAt: IsoDate.nullable(),
  firstRespondedAt: IsoDate.nullable(),
  breachedAt: IsoDate.nullable(),
});

/** Time a case has been open (until resolved), on both clocks, in minutes. */
export const CaseElapsed = z.object({ calendarMinutes: z.number(), businessMinutes: z.number() });
