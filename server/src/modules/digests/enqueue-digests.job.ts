import { z } from 'zod';

import { boundJobs, defineJob } from '../../lib/jobs';
import { duePeriod } from './digest-schedule';
import { activeSubscriptions, requeueStuckDigests } from './digests.service';
import { SendDigest } from './send-digest.job';

/**
 * Every quarter of an hour: half-hour and 45-minute zones (Kolkata, Kathmandu) get their hour on
 * time, and a missed tick is a quarter late at most.
 */
const EVERY_MS = 15 * 60_000;

/**
 * Queues the digests due at `now`. The job id names (subscription, period), so a tick that runs
 * twice queues one job while the first is known; the run document keeps it to one digest after.
 */
export async function enqueueDueDigests(now = new Date()): Promise<number> {
  const due = (await activeSubscriptions()).flatMap((sub) => {
    const period = duePeriod({ ...sub, lastPeriod: sub.lastPeriod ?? null }, now);
    return period ? [{ sub, period }] : [];
  });
  await boundJobs().enqueueMany(
    SendDigest,
    due.map(({ sub, period }) => ({
      payload: { organisationId: String(sub.organisationId), subscriptionId: String(sub._id), day: period.day },
      jobId: `digest-${String(sub._id)}-${period.key}`,
    })),
  );
  return due.length;
}

export const EnqueueDigests = defineJob({
  name: 'digests.enqueue-due',
  queue: 'bulk',
  payload: z.object({}),
  // The next tick is the retry.
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
  async run(_payload, { log }) {
    const queued = await enqueueDueDigests();
    // A digest released after a failed store is due again and queued above; one recorded as
    // sent whose mail's job was lost is found here.
    const requeued = await requeueStuckDigests();
    if (queued || requeued) log.info({ queued, requeued }, 'digests queued');
  },
});

/** Declared by every worker at start: upserted by id, so there is one schedule however many workers. */
export const scheduleDigests = () => boundJobs().schedule(EnqueueDigests, EnqueueDigests.name, { every: EVERY_MS }, {});
