import type { CaseDetail, CaseSummary } from '@pulse/shared/schemas/cases';

import type { CaseDoc } from './case.model';

const idOrNull = (v: unknown) => (v ? String(v) : null);

export function presentCaseSummary(c: CaseDoc, now = new Date()): CaseSummary {
  return {
    id: String(c._id),
    number: c.number,
    status: c.status,
    priority: c.priority,
    assigneeId: idOrNull(c.assigneeId),
    tags: [...c.tags],
    dueAt: c.dueAt.toISOString(),
    overdue: c.status !== 'resolved' && c.status !== 'closed' && c.dueAt < now,
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

export const presentCase = (c: CaseDoc): CaseDetail => ({
  ...presentCaseSummary(c),
  timeline: c.timeline.map((e) => ({
    kind: e.kind as CaseDetail['timeline'][number]['kind'],
    at: e.at.toISOString(),
    actor: e.actor,
    text: e.text ?? null,
    from: e.from ?? null,
    to: e.to ?? null,
  })),
});
