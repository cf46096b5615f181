import mongoose from 'mongoose';
import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { boundJobs, defineJob } from '../../lib/jobs';
import type { Logger } from '../../lib/logger';
import { ResponseModel, type ResponseDoc } from './response.model';
import { publish } from './responses.service';

const BATCH = 500;

/**
 * Publishes the changes a response still carries as pending events: the write that changed the
 * answer stored them, and the process died (or the event store failed) before `publish` emitted
 * and cleared them. Only responses untouched for `olderThanMs` are taken, so a request that is
 * publishing right now is left to finish. Emitting twice is harmless: subscribers are
 * idempotent per (responseId, seq), and the clear is conditional on seq, so a change made
 * meanwhile keeps its own pending events.
 */
export async function sweepResponseEvents(log: Logger, olderThanMs: number, now = new Date()) {
  const before = new Date(now.getTime() - olderThanMs);
  // Across organisations by design: the sweeper serves them all; each publish is scoped to its own.
  const stale = await ResponseModel.find({
    'pendingEvents.0': mongoose.trusted({ $exists: true }),
    updatedAt: mongoose.trusted({ $lt: before }),
  })
    .setOptions({ crossTenant: true })
    .limit(BATCH)
    .lean<ResponseDoc[]>();
  for (const doc of stale) {
    const ctx = systemContext({ organisationId: String(doc.organisationId), log, name: 'Response event sweep' });
    await publish(ctx, doc);
  }
  return { published: stale.length };
}

export const SweepResponseEvents = defineJob({
  name: 'responses.sweep-events',
  queue: 'transactional',
  payload: z.object({ olderThanMs: z.number().int().min(0) }),
  // The next run is the retry.
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
  async run({ olderThanMs }, { log }) {
    const result = await sweepResponseEvents(log, olderThanMs);
    if (result.published) log.info(result, 'published pending response events');
  },
});

/** Declared by every worker at start, on the event sweeper's own interval and grace. */
export const scheduleResponseEventSweep = (opts: { everyMs: number; olderThanMs: number }) =>
  boundJobs().schedule(
    SweepResponseEvents,
    SweepResponseEvents.name,
    { every: opts.everyMs },
    {
      olderThanMs: opts.olderThanMs,
    },
  );
