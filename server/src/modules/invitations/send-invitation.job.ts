import type { Redis } from 'ioredis';
import mongoose, { Types } from 'mongoose';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';

import { systemContext, type Ctx } from '../../lib/context';
import { boundJobs, defineJob, type JobContext } from '../../lib/jobs';
import { suppressContact } from '../contacts/contacts.service';
import { SurveyInvitationModel, type SurveyInvitationDoc } from './invitation.model';
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

export const ObjectIdString = z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id');
const Payload = z.object({ organisationId: ObjectIdString, invitationId: ObjectIdString });
type Payload = z.infer<typeof Payload>;

export const sendJobId = (invitationId: string) => `invitation.send-${invitationId}`;

let limiter: RateLimiterRedis | undefined;
/**
 * Survey mails per organisation per minute (SURVEY_MAILS_PER_MINUTE), counted in Redis so every
 * worker process shares an organisation's budget. Set by each process that runs the send job.
 */
export function configureSurveySending(opts: { redis: Redis; mailsPerMinute: number }) {
  limiter = new RateLimiterRedis({
    storeClient: opts.redis,
    keyPrefix: 'rate:survey-mail',
    points: opts.mailsPerMinute,
    duration: 60,
  });
}

const rateLimiter = () => {
  if (!limiter) throw new Error('configureSurveySending() was not called in this process');
  return limiter;
};

/** When the next reminder is due (after its spacing, outside quiet hours), or null when none is left. */
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

/**
 * "Look at invitation X": claims it (queued → sending) by a conditional update, renders and sends
 * the survey email, then records sent. A crash between the SMTP server's acceptance and that
 * update is the only window for a duplicate; the claim makes every other retry harmless.
 */
async function send({ organisationId, invitationId }: Payload, { log, job, services }: JobContext) {
  const ctx = systemContext({ organisationId, log, name: 'Survey sender' });
  const waitMs = await rateLimiter()
    .consume(organisationId)
    .then(
      () => 0,
      (res: unknown) => {
        if (res instanceof RateLimiterRes) return res.msBeforeNext;
        throw res;
      },
    );
  if (waitMs > 0) {
    // Over the organisation's rate: the same "look at X" again once the window allows.
    await boundJobs().enqueue(
      SendInvitation,
      { organisationId, invitationId },
      {
        jobId: `${sendJobId(invitationId)}-rl-${Date.now()}`,
        delayMs: waitMs,
      },
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
    const { messageId } = await services.mailer.send({
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
    if (await failed(ctx, invitation, err)) throw err;
  }
}

/** Records a failed send; true when BullMQ should retry it. */
async function failed(ctx: Ctx, invitation: SurveyInvitationDoc, err: unknown): Promise<boolean> {
  const lastError = String((err as Error)?.message ?? err).slice(0, 500);
  if (isHardBounce(err)) {
    await transition(ctx, invitation._id, ['sending'], 'bounced', { lastError });
    await suppressContact(ctx, String(invitation.contactId), 'bounced', lastError);
    return false;
  }
  // Back to queued so BullMQ's retry (with backoff) can claim it; giveUp ends it after the last.
  await SurveyInvitationModel.updateOne(
    { _id: invitation._id, organisationId: ctx.organisationId, state: 'sending' },
    { $set: { state: 'queued', lastError, claimedBy: null } },
  );
  return true;
}

/** After the last attempt the invitation says failed, with its last error, instead of staying queued. */
async function giveUp({ organisationId, invitationId }: Payload, error: Error, { log }: JobContext) {
  const ctx = systemContext({ organisationId, log, name: 'Survey sender' });
  await transition(ctx, invitationId, ['queued', 'sending'], 'failed', { lastError: String(error).slice(0, 500) });
}

export const SendInvitation = defineJob({
  name: 'invitation.send',
  // Campaign mail never delays account mail (verification, resets) on the transactional queue.
  queue: 'bulk',
  payload: Payload,
  run: send,
  onFinalFailure: giveUp,
});
