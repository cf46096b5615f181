import mongoose, { Types } from 'mongoose';
import { z } from 'zod';

import { defineJob, type JobContext, type QueueKind } from '../../lib/jobs';
import { EmailModel } from './mail.model';

// A claim older than this belongs to a worker that died mid-send; another may retry it.
export const CLAIM_TIMEOUT_MS = 5 * 60_000;

const Payload = z.object({ emailId: z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id') });
type Payload = z.infer<typeof Payload>;

/**
 * Sends one stored email. The Email document, not BullMQ, says whether it went out: `state`
 * moves queued → sending → sent by conditional updates, so a retry never sends twice while a
 * claim is live, and a claim left by a dead worker is taken over once it is stale.
 */
async function send({ emailId }: Payload, { log, services }: JobContext) {
  const staleClaim = new Date(Date.now() - CLAIM_TIMEOUT_MS);
  const email = await EmailModel.findOneAndUpdate(
    {
      _id: emailId,
      $or: [{ state: 'queued' }, { state: 'sending', claimedAt: mongoose.trusted({ $lt: staleClaim }) }],
    },
    { $set: { state: 'sending', claimedAt: new Date() }, $inc: { attempts: 1 } },
    { returnDocument: 'after' },
  );
  if (!email) {
    log.debug({ emailId }, 'email already sent, failed or being sent; nothing to do');
    return;
  }
  try {
    const { messageId } = await services.mailer.send({
      from: email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html ?? undefined,
      headers: email.headers ? Object.fromEntries(email.headers) : undefined,
    });
    await EmailModel.updateOne(
      { _id: email._id, state: 'sending' },
      { $set: { state: 'sent', sentAt: new Date(), messageId }, $unset: { lastError: 1 } },
    );
  } catch (err) {
    // Back to queued so BullMQ's retry can claim it again.
    await EmailModel.updateOne(
      { _id: email._id, state: 'sending' },
      { $set: { state: 'queued', lastError: String(err) } },
    );
    throw err;
  }
}

/** After the last attempt the email says so, with its last error, instead of staying `queued`. */
async function giveUp({ emailId }: Payload, error: Error) {
  await EmailModel.updateOne(
    { _id: emailId, state: mongoose.trusted({ $in: ['queued', 'sending'] }) },
    { $set: { state: 'failed', lastError: String(error) } },
  );
}

const sendEmailJob = (name: `mail.${string}`, queue: QueueKind) =>
  defineJob({ name, queue, payload: Payload, run: send, onFinalFailure: giveUp });

/** Account mail a person is waiting for: verification, password reset, invitations. */
export const SendEmail = sendEmailJob('mail.send', 'transactional');
/** Campaign mail (survey invitations): its own queue, so it never holds up SendEmail. */
export const SendBulkEmail = sendEmailJob('mail.send-bulk', 'bulk');
