import type { Redis } from 'ioredis';
import { Types } from 'mongoose';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';

import { systemContext, type Ctx } from '../../lib/context';
import { boundJobs, defineJob, type JobContext } from '../../lib/jobs';
import { findOwnedById } from '../../lib/tenant';
import { suppressContact } from '../contacts/contacts.service';
import { SurveyInvitationModel, type SurveyInvitationDoc } from './invitation.model';
import { recordSendError, recordSent, transition } from './invitations.service';
import { noteAccepted, releaseSendLease, takeSendLease } from './send-lease';
import { outsideQuietHours } from './send-time';
import { recipientOf, senderOf, surveyFor } from './send-context';
import { composeSurveyEmail, fromOf } from './survey-email.compose';

/** SMTP 5xx is permanent (no such mailbox, refused): a hard bounce. 4xx and network errors are worth a retry. */
export const isHardBounce = (err: unknown) => {
  const code = (err as { responseCode?: number })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

export const ObjectIdString = z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id');
const Payload = z.object({
  organisationId: ObjectIdString,
  invitationId: ObjectIdString,
  // The invitation's contact, so both are read at once; the invitation stays what decides.
  contactId: ObjectIdString.optional(),
});
type Payload = z.infer<typeof Payload>;

export const sendJobId = (invitationId: string) => `invitation.send-${invitationId}`;

let limiter: RateLimiterRedis | undefined;
let leases: Redis | undefined;
/**
 * Survey mails per organisation per minute (SURVEY_MAILS_PER_MINUTE), counted in Redis so every
 * worker process shares an organisation's budget; the send leases live on the same connection.
 * Set by each process that runs the send job.
 */
export function configureSurveySending(opts: { redis: Redis; mailsPerMinute: number }) {
  leases = opts.redis;
  limiter = new RateLimiterRedis({
    storeClient: opts.redis,
    keyPrefix: 'rate:survey-mail',
    points: opts.mailsPerMinute,
    duration: 60,
  });
}

const sendRedis = () => {
  if (!leases) throw new Error('configureSurveySending() was not called in this process');
  return leases;
};

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

const DUE_SLACK_MS = 1_000;

/** An over-rate send waits its turn as the same "look at X" again, once the window allows; 0 = go now. */
async function rateLimitWait(organisationId: string): Promise<number> {
  return rateLimiter()
    .consume(organisationId)
    .then(
      () => 0,
      (res: unknown) => {
        if (res instanceof RateLimiterRes) return res.msBeforeNext;
        throw res;
      },
    );
}

/**
 * "Look at invitation X": takes the send lease (send-lease.ts), reads the invitation and its
 * contact by `_id` (side by side when the job names the contact too), renders and sends the survey email, then records `sent` in one update by
 * `_id`. The lease keeps every other job for X out while this one runs, and the state says `sent`
 * before the lease goes; the acceptance is noted in Redis first, so a lost database write is
 * recorded by the retry instead of mailed again. A crash between the SMTP server's answer and that
 * note is the only window for a duplicate.
 */
async function send({ organisationId, invitationId, contactId }: Payload, { log, job, services }: JobContext) {
  const ctx = systemContext({ organisationId, log, name: 'Survey sender' });
  const holder = String(job.id);
  const { attempt: attempts, accepted } = await takeSendLease(sendRedis(), invitationId, holder);
  if (!attempts) return log.debug({ invitationId }, 'another job holds this send: nothing to do');
  let release = true;
  try {
    const claimedAt = new Date();
    const [invitation, hinted] = await Promise.all([
      findOwnedById<SurveyInvitationDoc>(SurveyInvitationModel as never, organisationId, invitationId),
      contactId ? recipientOf(ctx, contactId).catch(() => null) : null,
    ]);
    // `sending` is what an invitation claimed before the lease existed says.
    const due =
      (invitation?.state === 'queued' || invitation?.state === 'sending') &&
      (!invitation.sendAt || invitation.sendAt.getTime() <= claimedAt.getTime() + DUE_SLACK_MS);
    if (!invitation || !due) return log.debug({ invitationId }, 'invitation not due or already sent: nothing to do');

    if (accepted) {
      // An earlier attempt's mail was accepted, and only its database write was lost.
      await recordSent(ctx, invitation, {
        claimedAt,
        ...accepted,
        attempts,
        nextReminderAt: nextReminderAt(invitation, accepted.sentAt),
      });
      return;
    }
    const contact =
      hinted && String(hinted._id) === String(invitation.contactId)
        ? hinted
        : await recipientOf(ctx, String(invitation.contactId));
    const survey = invitation.surveyId ? await surveyFor(ctx, String(invitation.surveyId)) : null;
    const skip = contact.suppression?.reason
      ? 'suppressed'
      : !contact.email
        ? 'no_email'
        : survey?.status !== 'active'
          ? 'survey_paused'
          : null;
    if (skip || !survey || !contact.email) {
      await transition(ctx, invitation._id, ['queued', 'sending'], 'skipped', { reason: skip ?? 'survey_paused' });
      return;
    }
    const waitMs = await rateLimitWait(organisationId);
    if (waitMs > 0) {
      await boundJobs().enqueue(
        SendInvitation,
        { organisationId, invitationId },
        { jobId: `${sendJobId(invitationId)}-rl-${Date.now()}`, delayMs: waitMs },
      );
      return;
    }
    const org = await senderOf(ctx);
    const mail = await composeSurveyEmail({ survey, org, contact, invitationId, language: invitation.language });
    let messageId: string;
    try {
      ({ messageId } = await services.mailer.send({
        from: fromOf(org, survey),
        to: contact.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        htmlQuotedPrintable: mail.htmlQuotedPrintable,
        headers: mail.headers,
      }));
    } catch (err) {
      if (await failed(ctx, invitation, err, attempts)) throw err;
      return;
    }
    const sentAt = new Date();
    await noteAccepted(sendRedis(), invitationId, { messageId, sentAt });
    await recordSent(ctx, invitation, {
      claimedAt,
      sentAt,
      messageId,
      attempts,
      nextReminderAt: nextReminderAt(invitation, sentAt),
    });
  } catch (err) {
    // A failed attempt keeps the lease for its own retry (BullMQ re-runs the same job id), which
    // finds the acceptance note if SMTP took the mail and only the database write failed.
    release = false;
    throw err;
  } finally {
    if (release) await releaseSendLease(sendRedis(), invitationId, holder);
  }
}

/** Records a failed send; true when BullMQ should retry it. */
async function failed(ctx: Ctx, invitation: SurveyInvitationDoc, err: unknown, attempts: number): Promise<boolean> {
  const lastError = String((err as Error)?.message ?? err).slice(0, 500);
  if (isHardBounce(err)) {
    await transition(ctx, invitation._id, ['queued', 'sending'], 'bounced', { lastError, attempts });
    await suppressContact(ctx, String(invitation.contactId), 'bounced', lastError);
    return false;
  }
  // Still queued: BullMQ's retry (with backoff) takes the lease again; giveUp ends it after the last.
  await recordSendError(invitation, lastError, attempts);
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
