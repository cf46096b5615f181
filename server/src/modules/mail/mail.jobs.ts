import mongoose, { Types } from 'mongoose';
import { z } from 'zod';

import type { Mailer } from '../../lib/mailer';
import { jobHandler, jobType } from '../../lib/queue';
import { EmailModel } from './mail.model';

// A claim older than this belongs to a worker that died mid-send; another may retry it.
const CLAIM_TIMEOUT_MS = 5 * 60_000;

export const SendEmail = jobType(
  'mail.send',
  z.object({ emailId: z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id') }),
);

export const sendEmailHandler = (mailer: Mailer) =>
  jobHandler(SendEmail, async ({ emailId }, { log }) => {
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
      log.debug({ emailId }, 'email already sent or being sent; nothing to do');
      return;
    }
    try {
      const { messageId } = await mailer.send({
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
  });
