import mongoose from 'mongoose';

import { systemContext } from '../../lib/context';
import type { Logger } from '../../lib/logger';
import { z } from 'zod';

import { boundJobs, defineJob } from '../../lib/jobs';
import { SurveyInvitationModel, type SurveyInvitationDoc } from './invitation.model';
import { transition } from './invitations.service';
import { SendReminder } from './remind-invitation.job';
import { SendInvitation, sendJobId } from './send-invitation.job';
import { LEASE_MS, sendLeaseHeld } from './send-lease';

const trusted = mongoose.trusted;
const BATCH = 1_000;
/** A queued send this late lost its job (Redis was down, or its data was lost). */
const QUEUED_GRACE_MS = 60_000;
export const SWEEP_EVERY_MS = 60_000;

const acrossTenants = (filter: Record<string, unknown>, fields: Record<string, 1>) =>
  SurveyInvitationModel.find(filter)
    .select({ organisationId: 1, ...fields })
    .limit(BATCH)
    .setOptions({ crossTenant: true })
    .lean<SurveyInvitationDoc[]>();

/** A send whose own job still waits or runs is not stuck, however long the campaign's queue. */
const PENDING = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

async function lostTheirJob(invitations: SurveyInvitationDoc[]) {
  const jobs = boundJobs();
  const lost = await Promise.all(
    invitations.map(async (inv) => {
      const id = String(inv._id);
      const state = await jobs.queues.bulk.getJobState(sendJobId(id));
      return !PENDING.has(state) && !(await sendLeaseHeld(jobs.redis, id));
    }),
  );
  return invitations.filter((_, i) => lost[i]);
}

/**
 * The reconciler, as one BullMQ job scheduler: re-queues sends stuck in queued or sending,
 * expires links past their date, queues due reminders. The invitation documents are the truth;
 * this makes the queue agree with them. Safe to run twice: every step is a conditional update
 * or a job that takes the send lease. A send is stuck when its job is gone (Redis lost it, or it
 * failed for good while the invitation stayed queued) and no job holds its lease: re-queuing the
 * rest would add a second job per invitation to a long campaign's queue every minute.
 */
export async function sweepInvitations(log: Logger, now = new Date()) {
  const late = await acrossTenants(
    {
      $or: [
        { state: 'queued', sendAt: trusted({ $lte: new Date(now.getTime() - QUEUED_GRACE_MS) }) },
        // Claimed by a conditional update before the send lease existed.
        { state: 'sending', claimedAt: trusted({ $lt: new Date(now.getTime() - LEASE_MS) }) },
      ],
    },
    { contactId: 1 },
  );
  const stuck = await lostTheirJob(late);
  await boundJobs().enqueueMany(
    SendInvitation,
    stuck.map((inv) => ({
      payload: {
        organisationId: String(inv.organisationId),
        invitationId: String(inv._id),
        contactId: String(inv.contactId),
      },
      // One sweep job per invitation at a time; removed when done, so a later sweep may add it again.
      jobId: `${sendJobId(String(inv._id))}-swept`,
    })),
    { removeOnComplete: true, removeOnFail: true },
  );
  const stamp = now.getTime();

  const expiring = await acrossTenants(
    { state: trusted({ $in: ['sent', 'opened', 'clicked'] }), expiresAt: trusted({ $lte: now }) },
    {},
  );
  for (const inv of expiring) {
    const ctx = systemContext({ organisationId: String(inv.organisationId), log, name: 'Invitation expiry' });
    await transition(ctx, inv._id, ['sent', 'opened', 'clicked'], 'expired', { nextReminderAt: null });
  }

  const due = await acrossTenants(
    { state: trusted({ $in: ['sent', 'opened', 'clicked'] }), nextReminderAt: trusted({ $lte: now }) },
    { remindersSent: 1 },
  );
  await boundJobs().enqueueMany(
    SendReminder,
    due.map((inv) => {
      const n = (inv.remindersSent ?? 0) + 1;
      const invitationId = String(inv._id);
      return {
        payload: { organisationId: String(inv.organisationId), invitationId, n },
        jobId: `invitation.remind-${invitationId}-${n}-${stamp}`,
      };
    }),
  );
  return { requeued: stuck.length, expired: expiring.length, reminders: due.length };
}

/** Every minute: re-queue stuck sends, expire old links, queue due reminders. */
export const SweepInvitations = defineJob({
  name: 'invitation.sweep',
  queue: 'bulk',
  payload: z.object({}),
  // The next run comes within a minute; a failed sweep is not worth retrying.
  options: { attempts: 1 },
  async run(_payload, { log }) {
    const result = await sweepInvitations(log);
    if (result.requeued || result.expired || result.reminders) log.info(result, 'invitation sweep');
  },
});

/** Registers the sweep as a BullMQ job scheduler: one schedule however many workers start. */
export const scheduleInvitationSweep = () =>
  boundJobs().schedule(SweepInvitations, SweepInvitations.name, { every: SWEEP_EVERY_MS }, {});
