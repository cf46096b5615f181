import { z } from 'zod';

import { SlaTarget } from '@pulse/shared/schemas/sla';

import { clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { boundJobs, type JobRef } from '../../lib/jobs';
import { escalationPoints, type CaseDueTimes } from './sla.service';

export const EscalatePayload = z.object({
  organisationId: z.string(),
  caseId: z.string(),
  target: SlaTarget,
  percent: z.number().int().min(1).max(100),
  /** The target's due time when this was scheduled: a case given other due times since ignores it. */
  dueAt: z.iso.datetime(),
  fireAt: z.iso.datetime(),
});
export type EscalatePayload = z.infer<typeof EscalatePayload>;

/** The escalation job as producers see it (its handler lives in escalate-case.job.ts). */
export const ESCALATE_CASE: JobRef<EscalatePayload> = {
  name: 'sla.escalate',
  queue: 'transactional',
  payload: EscalatePayload,
};

/** Derived from case, step and due time: scheduling the same thing twice keeps one job. */
export const escalationJobId = (p: Pick<EscalatePayload, 'caseId' | 'target' | 'percent' | 'dueAt'>) =>
  `sla-${p.caseId}-${p.target}-${p.percent}-${Date.parse(p.dueAt)}`;

/**
 * Queues a delayed job for every moment the case's SLA needs a look. Jobs of earlier due times
 * stay queued and, when they run, find the case's due times changed and do nothing. After a
 * change of priority, moments already past are not replayed (`fromNow`): the change itself
 * records whether the new targets are already breached.
 */
export async function scheduleEscalations(
  ctx: Pick<Ctx, 'organisationId'>,
  c: { _id: unknown; createdAt: Date; sla: CaseDueTimes },
  opts: { fromNow?: boolean } = {},
): Promise<void> {
  const now = clock().now();
  const points = (await escalationPoints(ctx, c.createdAt, c.sla)).filter((p) => !opts.fromNow || p.fireAt > now);
  await boundJobs().enqueueMany(
    ESCALATE_CASE,
    points.map((p) => {
      const payload = {
        organisationId: ctx.organisationId,
        caseId: String(c._id),
        target: p.target,
        percent: p.percent,
        dueAt: p.dueAt.toISOString(),
        fireAt: p.fireAt.toISOString(),
      };
      return { payload, jobId: escalationJobId(payload), delayMs: clock().delayUntil(p.fireAt) };
    }),
  );
}
