import { businessTimeBetween, type Calendar } from '@pulse/shared/metrics/business-time';
import type { CaseDetail, CaseSummary } from '@pulse/shared/schemas/cases';

import type { CaseDoc } from './case.model';

const idOrNull = (v: unknown) => (v ? String(v) : null);
const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const DONE = new Set(['resolved', 'closed']);
const MINUTE = 60_000;

/** The instant a case stopped running: its last move into resolved or closed, if it is there now. */
const stoppedAt = (c: CaseDoc, now: Date) =>
  DONE.has(c.status) ? (c.timeline.findLast((e) => e.to && DONE.has(e.to))?.at ?? now) : now;

/** The reading time and calendar the presenter counts elapsed time with (see caseClock). */
export interface CaseClock {
  now: Date;
  calendar: Calendar;
}

export function presentCaseSummary(c: CaseDoc, { now, calendar }: CaseClock): CaseSummary {
  const resolutionDueAt = c.sla?.resolutionDueAt ?? c.dueAt;
  const end = stoppedAt(c, now);
  return {
    id: String(c._id),
    number: c.number,
    status: c.status,
    priority: c.priority,
    assigneeId: idOrNull(c.assigneeId),
    teamId: idOrNull(c.teamId),
    tags: [...c.tags],
    dueAt: c.dueAt.toISOString(),
    overdue: !DONE.has(c.status) && resolutionDueAt < now,
    sla: {
      policyId: idOrNull(c.sla?.policyId),
      clock: (c.sla?.clock ?? '24/7') as CaseSummary['sla']['clock'],
      firstResponseDueAt: isoOrNull(c.sla?.firstResponseDueAt),
      resolutionDueAt: resolutionDueAt.toISOString(),
      firstRespondedAt: isoOrNull(c.sla?.firstRespondedAt),
      breachedAt: isoOrNull(c.sla?.breachedAt),
    },
    elapsed: {
      calendarMinutes: Math.max(0, Math.floor((end.getTime() - c.createdAt.getTime()) / MINUTE)),
      businessMinutes: Math.floor(businessTimeBetween(calendar, c.createdAt, end) / MINUTE),
    },
    openedBy: c.openedBy as CaseSummary['openedBy'],
    ruleId: idOrNull(c.ruleId),
    responseId: String(c.responseId),
    snapshot: {
      score: c.snapshot.score,
      band: c.snapshot.band,
      comment: c.snapshot.comment ?? null,
      touchpointId: idOrNull(c.snapshot.touchpointId),
      touchpointKey: c.snapshot.touchpointKey ?? null,
      channel: c.snapshot.channel,
      contactId: idOrNull(c.snapshot.contactId),
      contactEmail: c.snapshot.contactEmail ?? null,
      contactName: c.snapshot.contactName ?? null,
    },
    rootCause: (c.rootCause ?? null) as CaseSummary['rootCause'],
    resolved: c.resolved ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export const presentCase = (c: CaseDoc, clock: CaseClock): CaseDetail => ({
  ...presentCaseSummary(c, clock),
  timeline: c.timeline.map((e) => ({
    kind: e.kind as CaseDetail['timeline'][number]['kind'],
    at: e.at.toISOString(),
    actor: e.actor,
    text: e.text ?? null,
    from: e.from ?? null,
    to: e.to ?? null,
  })),
});
