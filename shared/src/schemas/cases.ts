import { z } from 'zod';

import { CasePriority } from './alerts';
import { Id, IsoDate, singleLine } from './common';
import { CaseElapsed, CaseSla } from './sla';

export const CaseStatus = z.enum(['new', 'open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

/**
 * Where a case may go from each state. Reopening is resolved/closed → open; closing needs the
 * close form (root cause, resolved yes/no), so it is its own operation.
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'],
  open: ['in_progress', 'waiting_on_customer', 'resolved', 'closed'],
  in_progress: ['open', 'waiting_on_customer', 'resolved', 'closed'],
  waiting_on_customer: ['open', 'in_progress', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

/** The root causes a close form offers. */
export const RootCause = z.enum(['product', 'service', 'delivery', 'billing', 'communication', 'other', 'none']);
export type RootCause = z.infer<typeof RootCause>;

export const CaseParams = z.object({ caseId: Id });

export const OpenCaseBody = z.object({
  responseId: Id,
  priority: CasePriority.default('normal'),
  slaHours: z
    .number()
    .positive('must be more than zero')
    .max(24 * 90)
    .default(72),
});

export const UpdateCaseBody = z
  .object({
    /** A membership id, or null to unassign. */
    assigneeId: Id.nullable().optional(),
    /** A team of the organisation, or null for none. */
    teamId: Id.nullable().optional(),
    priority: CasePriority.optional(),
    tags: z.array(singleLine(40)).max(20).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const CaseTransitionBody = z.object({
  status: CaseStatus.exclude(['closed']),
  /** The status the agent saw: a change made meanwhile answers 409 instead of being overwritten. */
  from: CaseStatus,
});

export const CloseCaseBody = z.object({
  rootCause: RootCause,
  resolved: z.boolean(),
  note: z.string().max(2000).optional(),
});

export const CaseNoteBody = z.object({ text: z.string().trim().min(1, 'must not be empty').max(5000) });

export const CaseReplyBody = z.object({
  subject: singleLine(150),
  message: z.string().trim().min(1, 'must not be empty').max(10_000),
  /** "Reply & resolve": the case moves to resolved once the mail is queued. */
  resolve: z.boolean().default(false),
});

export const CasesQuery = z.object({
  /** `team`: open cases of the teams the reader belongs to. */
  view: z.enum(['all', 'mine', 'team', 'overdue', 'open']).default('open'),
});

export const CaseTimelineEntry = z.object({
  kind: z.enum(['created', 'status', 'assignee', 'team', 'priority', 'tags', 'note', 'reply', 'closed', 'escalation']),
  at: IsoDate,
  actor: z.string(),
  text: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const CaseSummary = z.object({
  id: Id,
  number: z.number().int(),
  status: CaseStatus,
  priority: CasePriority,
  assigneeId: Id.nullable(),
  teamId: Id.nullable(),
  tags: z.array(z.string()),
  dueAt: IsoDate,
  overdue: z.boolean(),
  sla: CaseSla,
  /** Open time so far (or until resolved) on the calendar and on the business clock. */
  elapsed: CaseElapsed,
  openedBy: z.enum(['rule', 'agent']),
  ruleId: Id.nullable(),
  responseId: Id,
  snapshot: z.object({
    score: z.number(),
    band: z.string(),
    comment: z.string().nullable(),
    touchpointId: Id.nullable(),
    touchpointKey: z.string().nullable(),
    channel: z.string(),
    contactId: Id.nullable(),
    contactEmail: z.string().nullable(),
    contactName: z.string().nullable(),
  }),
  rootCause: RootCause.nullable(),
  resolved: z.boolean().nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseDetail = CaseSummary.extend({ timeline: z.array(CaseTimelineEntry) });
export type CaseDetail = z.infer<typeof CaseDetail>;

export const CaseResponse = z.object({ case: CaseDetail });
export const CasesResponse = z.object({ cases: z.array(CaseSummary) });
