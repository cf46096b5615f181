import mongoose, { Types } from 'mongoose';

import type { Ctx, PublicCtx } from '../../lib/context';
import { boundJobs } from '../../lib/jobs';
import { settings } from '../../lib/settings';
import { getOrganisation } from '../organisations/organisation.service';
import { EmailModel } from './mail.model';
import type { MailContent } from './mail.layout';
import { SendBulkEmail, SendEmail } from './send-email.job';

export interface MailMeta {
  kind: string;
  /**
   * A caller that may run twice for the same mail (a subscriber redelivered) names it: the
   * second store finds the first and only re-queues it, so it is sent once.
   */
  id?: Types.ObjectId;
  relatedId?: string | null;
  headers?: Record<string, string>;
  /** Scheduled mail nobody is waiting for (digests) goes on the bulk queue, behind account mail. */
  queue?: 'bulk';
}

/** Display names end up in a header: no line breaks, no quotes that would end the phrase. */
const phrase = (name: string) => `"${name.replace(/[\r\n"\\]/g, ' ').trim()}"`;
const addressOf = (from: string) => from.match(/<([^>]+)>/)?.[1] ?? from.trim();

/**
 * Mail to a person about their own account (verification, password reset): from the system
 * sender, and in no organisation, so no organisation's outbox can ever list it.
 */
export async function sendSystemEmail(_ctx: PublicCtx, content: MailContent, meta: MailMeta) {
  return store({ ...content, ...meta, organisationId: null, from: settings().mailFrom });
}

/**
 * Mail the organisation sends (invitations now, survey mail later): from its sender name, at
 * its sender address when it set one, else at the system's; listed in its outbox.
 */
export async function sendOrganisationEmail(
  ctx: Ctx,
  content: MailContent,
  meta: MailMeta & { readableBy?: 'owner' | 'admin' },
) {
  const org = await getOrganisation(ctx);
  const address = org.senderEmail ?? addressOf(settings().mailFrom);
  return store({
    ...content,
    ...meta,
    organisationId: ctx.organisationId,
    from: `${phrase(org.senderName)} <${address}>`,
  });
}

/** Stores the email, then queues its id: if Redis is down the caller sees it before anything is lost. */
async function store(
  mail: MailContent & MailMeta & { organisationId: string | null; from: string; readableBy?: 'owner' | 'admin' },
) {
  const { id, queue, ...fields } = mail;
  let emailId: string;
  try {
    emailId = String((await EmailModel.create({ ...fields, ...(id && { _id: id }), state: 'queued' }))._id);
  } catch (err) {
    if (!id || (err as { code?: number }).code !== 11000) throw err;
    emailId = String(id);
    // Stored before, but its job could not be queued (Redis was down): it never reached SMTP, and
    // the caller asking again is the retry. A mail that failed at SMTP has attempts and stays failed.
    await EmailModel.updateOne({ _id: id, state: 'failed', attempts: 0 }, { $set: { state: 'queued' } }).setOptions({
      crossTenant: true,
    });
  }
  try {
    await boundJobs().enqueue(
      queue === 'bulk' ? SendBulkEmail : SendEmail,
      { emailId },
      { jobId: `mail.send-${emailId}` },
    );
  } catch (err) {
    await EmailModel.updateOne(
      { _id: emailId, state: 'queued' },
      { $set: { state: 'failed', lastError: String(err) } },
    ).setOptions({ crossTenant: true });
    throw err;
  }
  return { emailId };
}

/** The organisation's own mail, newest first, as its outbox lists it. */
export async function listOrganisationEmails(ctx: Ctx, opts: { limit: number; readableBy: Array<'owner' | 'admin'> }) {
  return EmailModel.find({ organisationId: ctx.organisationId, readableBy: mongoose.trusted({ $in: opts.readableBy }) })
    .sort({ _id: -1 })
    .limit(opts.limit)
    .lean();
}

/** What became of the organisation's mail about these documents (an alert firing's recipients). */
export const emailsAbout = (ctx: Pick<Ctx, 'organisationId'>, relatedIds: string[]) =>
  relatedIds.length === 0
    ? Promise.resolve([])
    : EmailModel.find({ organisationId: ctx.organisationId, relatedId: mongoose.trusted({ $in: relatedIds }) })
        .select({ relatedId: 1, to: 1, state: 1, lastError: 1 })
        .sort({ _id: 1 })
        .lean();

/**
 * Queues again a mail of the organisation's that never reached SMTP: still queued (its job may
 * have been lost with Redis), or failed because its job could not be queued. Safe to repeat: the
 * job id and the send's conditional claim keep it to one send. Reads by _id first, so a mail
 * already sent costs no write. True when it was queued again.
 */
export async function requeueUnsent(ctx: Pick<Ctx, 'organisationId'>, emailId: string, queue?: 'bulk') {
  const email = await EmailModel.findOne({ _id: emailId, organisationId: ctx.organisationId })
    .select({ state: 1, attempts: 1 })
    .lean();
  const unsent = email && (email.state === 'queued' || (email.state === 'failed' && email.attempts === 0));
  if (!unsent) return false;
  if (email.state === 'failed')
    await EmailModel.updateOne(
      { _id: emailId, organisationId: ctx.organisationId, state: 'failed', attempts: 0 },
      { $set: { state: 'queued' } },
    );
  await boundJobs().enqueue(
    queue === 'bulk' ? SendBulkEmail : SendEmail,
    { emailId },
    { jobId: `mail.send-${emailId}` },
  );
  return true;
}
