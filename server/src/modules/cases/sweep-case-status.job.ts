import mongoose from 'mongoose';
import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { boundJobs, defineJob } from '../../lib/jobs';
import type { Logger } from '../../lib/logger';
import { CaseModel, type CaseDoc } from './case.model';
import { announcePendingStatus } from './cases.service';

const BATCH = 500;

/**
 * Announces status moves whose case.status_changed was never stored: the write moved the status
 * and marked it pending, and the process died before the emit. Only cases untouched for
 * `olderThanMs` are taken, so a request announcing right now is left to finish; announcing twice
 * stores one event (its id is derived from the move).
 */
export async function sweepCaseStatus(log: Logger, olderThanMs: number, now = new Date()) {
  // Across organisations by design: the sweeper serves them all; each announcement is scoped to its own.
  const stale = await CaseModel.find({
    statusPendingAt: mongoose.trusted({ $lt: new Date(now.getTime() - olderThanMs) }),
  })
    .setOptions({ crossTenant: true })
    .limit(BATCH)
    .lean<CaseDoc[]>();
  for (const doc of stale) {
    const ctx = systemContext({ organisationId: String(doc.organisationId), log, name: 'Case status sweep' });
    await announcePendingStatus(ctx, doc);
  }
  return { announced: stale.length };
}

export const SweepCaseStatus = defineJob({
  name: 'cases.sweep-status',
  queue: 'transactional',
  payload: z.object({ olderThanMs: z.number().int().min(0) }),
  // The next run is the retry.
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
  async run({ olderThanMs }, { log }) {
    const result = await sweepCaseStatus(log, olderThanMs);
    if (result.announced) log.info(result, 'announced pending case status changes');
  },
});

/** Declared by every worker at start, on the event sweeper's own interval and grace. */
export const scheduleCaseStatusSweep = (opts: { everyMs: number; olderThanMs: number }) =>
  boundJobs().schedule(
    SweepCaseStatus,
    SweepCaseStatus.name,
    { every: opts.everyMs },
    { olderThanMs: opts.olderThanMs },
  );

export const caseJobs = [SweepCaseStatus];
