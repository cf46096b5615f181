import { boundJobs } from '../../lib/jobs';
import { SendEmail } from './send-email.job';
import { EmailModel } from './mail.model';

export interface QueueEmailOptions {
  to: string;
  subject: string;
  text: string;
  html?: string;
  from: string;
  headers?: Record<string, string>;
}

/** Stores the email, then queues its id: if Redis is down the caller sees it before anything is lost. */
export async function queueEmail(mail: QueueEmailOptions): Promise<{ emailId: string }> {
  const email = await EmailModel.create({ ...mail, state: 'queued' });
  const emailId = String(email._id);
  try {
    await boundJobs().enqueue(SendEmail, { emailId }, { jobId: `mail.send-${emailId}` });
  } catch (err) {
    await EmailModel.updateOne(
      { _id: email._id, state: 'queued' },
      { $set: { state: 'failed', lastError: String(err) } },
    );
    throw err;
  }
  return { emailId };
}
