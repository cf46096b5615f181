import mongoose from 'mongoose';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { systemContext } from '../../lib/context';
import type { Mailer } from '../../lib/mailer';
import { boundJobs, jobHandler } from '../../lib/queue';
import { suppressContact } from '../contacts/contacts.service';
import { SurveyInvitationModel, type SurveyInvitationDoc } from './invitation.model';
import { BULK_PRIORITY, SendInvitation } from './invitations.jobs';
import { sendJobId } from './invitations.send';
import { transition } from './invitations.service';
import { outsideQuietHours } from './send-time';
import { recipientOf, senderOf, surveyFor } from './send-context';
import { composeSurveyEmail, fromOf } from './survey-email.compose';

/** A claim older than this belongs to a worker that died mid-send; the sweep re-queues it. */
export const CLAIM_TIMEOUT_MS = 5 * 60_000;
const trusted = mongoose.trusted;

/** SMTP 5xx is permanent (no such mailbox, refused): a hard bounce. 4xx and network errors are worth a retry. */
export const isHardBounce = (err: unknown) => {
  const code = (err as { responseCode?: number })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

export interface SendDeps {
  mailer: Mailer;
  connection: Redis;
  /** Survey mails per organisation per minute. */
  ratePerMinute: number;
}

export function nextReminderAt(
  inv: Pick<SurveyInvitationDoc, 'reminders' | 'remindersSent' | 'timeZone' | 'quietHours'>,
  from: Date,
) {
  const count = inv.reminders?.count ?? 0;
  if ((inv.remindersSent ?? 0) >= count) return null;
  const due = new Date(from.getTime() + (inv.reminders?.spacingHours ?? 72) * 3_600_000);
  const quiet =
    inv.quietHours?.start && inv.quietHours.end ? { start: inv.quietHours.start, end: inv.quietHours.end } : null;
  return outsideQuietHours(due, inv.timeZone ?? 'UTC', quiet);
}

export const sendInvitationHandler = (deps: SendDeps) => {
  const limiter = new RateLimiterRedis({
    storeClient: deps.connection,
    keyPrefix: 'rate:survey-mail',
    points: deps.ratePerMinute,
    duration: 60,
  });
  return jobHandler(SendInvitation, async ({ organisationId, invitationId }, { log, job }) => {
    const ctx = systemContext({ organisationId, log, name: 'Survey sender' });
    const waitMs = await limiter.consume(organisationId).then(
      () => 0,
      (res: unknown) => {
        if (res instanceof RateLimiterRes) return res.msBeforeNext;
        throw res;
      },
    );
    if (waitMs > 0) {
      // Over the organisation's rate: the same "look at X" again once the window allows.
      await boundJobs().queue.add(
        SendInvitation.name,
        { organisationId, invitationId },
        { jobId: `${sendJobId(invitationId)}-rl-${Date.now()}`, delay: waitMs, priority: BULK_PRIORITY },
      );
      return;
    }
    const now = new Date();
    const claimant = String(job.id);
    const invitation = await SurveyInvitationModel.findOneAndUpdate(
      {
        _id: invitationId,
        organisationId,
        $or: [
          { state: 'queued', sendAt: trusted({ $lte: new Date(now.getTime() + 1_000) }) },
          // This very job ran before and its worker died (BullMQ re-runs a stalled job under its id).
          { state: 'sending', claimedBy: claimant },
          { state: 'sending', claimedAt: trusted({ $lt: new Date(now.getTime() - CLAIM_TIMEOUT_MS) }) },
        ],
      },
      {
        $set: { state: 'sending', claimedAt: now, claimedBy: claimant },
        $inc: { attempts: 1 },
        $push: { history: { state: 'sending', at: now } },
      },
      { returnDocument: 'after' },
    ).lean<SurveyInvitationDoc>();
    if (!invitation) return log.debug({ invitationId }, 'invitation not due, sent or being sent: nothing to do');

    const contact = await recipientOf(ctx, String(invitation.contactId));
    const survey = invitation.surveyId ? await surveyFor(ctx, String(invitation.surveyId)) : null;
    const skip = contact.suppression?.reason
      ? 'suppressed'
      : !contact.email
        ? 'no_email'
        : survey?.status !== 'active'
          ? 'survey_paused'
          : null;
    if (skip || !survey || !contact.email) {
      await transition(ctx, invitation._id, ['sending'], 'skipped', { reason: skip ?? 'survey_paused' });
      return;
    }
    const org = await senderOf(ctx);
    const mail = await composeSurveyEmail({ survey, org, contact, invitationId, language: invitation.language });
    try {
      const { messageId } = await deps.mailer.send({
        from: fromOf(org, survey),
        to: contact.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      });
      const sentAt = new Date();
      await transition(ctx, invitation._id, ['sending'], 'sent', {
        sentAt,
        messageId,
        lastError: null,
        nextReminderAt: nextReminderAt(invitation, sentAt),
      });
    } catch (err) {
      const retry = await failed(ctx, invitation, err, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
      if (retry) throw err;
    }
  });
};

/** Records a failed send; true when BullMQ should retry it. */
async function failed(
  ctx: ReturnType<typeof systemContext>,
  invitation: SurveyInvitationDoc,
  err: unknown,
  last: boolean,
): Promise<boolean> {
  const lastError = String((err as Error)?.message ?? err).slice(0, 500);
  if (isHardBounce(err)) {
    await transition(ctx, invitation._id, ['sending'], 'bounced', { lastError });
    await suppressContact(ctx, String(invitation.contactId), 'bounced', lastError);
    return false;
  }
  // Back to queued so BullMQ's retry (with backoff) can claim it; after the last attempt, failed.
  if (last) await transition(ctx, invitation._id, ['sending'], 'failed', { lastError });
  else {
    await SurveyInvitationModel.updateOne(
      { _id: invitation._id, organisationId: ctx.organisationId, state: 'sending' },
      { $set: { state: 'queued', lastError, claimedBy: null } },
    );
  }
  return !last;
}
