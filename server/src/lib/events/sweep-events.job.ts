import mongoose from 'mongoose';
import { z } from 'zod';

import { boundJobs, defineJob } from '../jobs';
import { DomainEventModel } from './event.model';
import { DISPATCH_EVENT } from './events';

const BATCH = 500;

/**
 * Finds events that should have settled by now and dispatches them again: the ones whose
 * dispatch was never queued (the process died, Redis was down) and the ones whose subscribers
 * have failed every attempt so far. Runs on a job scheduler (see scheduleEventSweeper).
 */
export const SweepEvents = defineJob({
  name: 'events.sweep',
  queue: 'transactional',
  payload: z.object({ olderThanMs: z.number().int().min(0) }),
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
  async run({ olderThanMs }, { log }) {
    const before = new Date(Date.now() - olderThanMs);
    // Across organisations by design: the sweeper serves them all, and sends ids on only.
    const stale = await DomainEventModel.find({ settled: false, at: mongoose.trusted({ $lt: before }) })
      .setOptions({ crossTenant: true })
      .select({ _id: 1, organisationId: 1 })
      .limit(BATCH)
      .lean();
    if (stale.length === 0) return;
    // A fresh job id each sweep: the first dispatch may still be kept (failed) under its own.
    const sweep = Date.now().toString(36);
    await boundJobs().enqueueMany(
      DISPATCH_EVENT,
      stale.map((e) => ({
        payload: { eventId: String(e._id), organisationId: String(e.organisationId) },
        jobId: `event-${String(e._id)}-sweep-${sweep}`,
      })),
      // One attempt each: the next sweep is the retry, so jobs do not pile up behind a failing subscriber.
      { attempts: 1 },
    );
    log.info({ events: stale.length }, 're-dispatched unsettled events');
  },
});

/** Declared by every worker at start; the scheduler id makes it one schedule however many run. */
export async function scheduleEventSweeper(opts: { everyMs: number; olderThanMs: number }): Promise<void> {
  await boundJobs().schedule(SweepEvents, 'events.sweep', { every: opts.everyMs }, { olderThanMs: opts.olderThanMs });
}
