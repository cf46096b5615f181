import mongoose, { Types } from 'mongoose';

import type { DigestSettings, RecipientBody, UpdateRecipientBody } from '@pulse/shared/schemas/digests';
import type { z } from 'zod';

import { userActor, type Ctx } from '../../lib/context';
import { derivedId, isDuplicateKey } from '../../lib/derived-id';
import { notFound } from '../../lib/errors';
import { settings } from '../../lib/settings';
import { findOwnedById } from '../../lib/tenant';
import { requeueUnsent, sendOrganisationEmail } from '../mail/mail.service';
import { findMembership } from '../members/memberships.service';
import { appUrl, buildDigest } from './digest.content';
import { DigestRunModel, type DigestRunDoc } from './digest-run.model';
import { coverageOf, latestDuePeriod, periodContaining, type Period } from './digest-schedule';
import { DigestSubscriptionModel, type DigestSubscriptionDoc } from './digest-subscription.model';
import { unsubscribeToken } from './digest-token';
import { digestMail } from './digests.emails';

// A claim older than this belongs to a worker that died while building; another may take it over.
const CLAIM_TIMEOUT_MS = 5 * 60_000;

const mineId = (ctx: Ctx) => derivedId('digest-subscription', ctx.organisationId, userActor(ctx).userId);
const recipientId = (ctx: Ctx, email: string) => derivedId('digest-recipient', ctx.organisationId, email);
const runIdOf = (subscriptionId: string, period: string) => derivedId('digest-run', subscriptionId, period);

const timingChanged = (doc: DigestSubscriptionDoc, next: Partial<DigestSettings>) =>
  (next.frequency !== undefined && next.frequency !== doc.frequency) ||
  (next.hour !== undefined && next.hour !== doc.hour) ||
  (next.timeZone !== undefined && next.timeZone !== doc.timeZone);

export async function mySubscription(ctx: Ctx): Promise<DigestSubscriptionDoc | null> {
  return findOwnedById<DigestSubscriptionDoc>(DigestSubscriptionModel as never, ctx.organisationId, mineId(ctx));
}

/**
 * Creates or changes the signed-in teammate's own digest, to their account's address. A new
 * timing starts from now: moving the hour to one already past today does not send at once.
 */
export async function saveMySubscription(ctx: Ctx, body: DigestSettings): Promise<DigestSubscriptionDoc> {
  const actor = userActor(ctx);
  const existing = await mySubscription(ctx);
  const restart = !existing || timingChanged(existing, body) || !existing.active;
  return (await DigestSubscriptionModel.findOneAndUpdate(
    { _id: mineId(ctx), organisationId: ctx.organisationId },
    {
      $set: {
        ...body,
        email: actor.email,
        userId: new Types.ObjectId(actor.userId),
        active: true,
        ...(restart && { activeSince: new Date() }),
      },
      $setOnInsert: { createdBy: actor.membershipId },
    },
    { upsert: true, returnDocument: 'after' },
  ).lean<DigestSubscriptionDoc>())!;
}

export async function deleteMySubscription(ctx: Ctx): Promise<void> {
  await DigestSubscriptionModel.deleteOne({ _id: mineId(ctx), organisationId: ctx.organisationId });
}

/** Addresses without an account that receive digests, as an admin set them up. */
export async function listRecipients(ctx: Ctx): Promise<DigestSubscriptionDoc[]> {
  return DigestSubscriptionModel.find({ organisationId: ctx.organisationId, userId: null })
    .sort({ email: 1 })
    .lean<DigestSubscriptionDoc[]>();
}

/** One per address: a second one for the same address answers 409 (its `_id` is derived from it). */
export async function createRecipient(ctx: Ctx, body: RecipientBody): Promise<DigestSubscriptionDoc> {
  const doc = await DigestSubscriptionModel.create({
    _id: recipientId(ctx, body.email),
    organisationId: ctx.organisationId,
    userId: null,
    ...body,
    activeSince: new Date(),
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.membershipId : null,
  });
  return doc.toObject() as DigestSubscriptionDoc;
}

async function getRecipient(ctx: Ctx, subscriptionId: string): Promise<DigestSubscriptionDoc> {
  const doc = await findOwnedById<DigestSubscriptionDoc>(
    DigestSubscriptionModel as never,
    ctx.organisationId,
    subscriptionId,
  );
  if (!doc || doc.userId) throw notFound('Digest recipient');
  return doc;
}

/** Changing a recipient's digest also resubscribes it: the admin's change is a new consent. */
export async function updateRecipient(
  ctx: Ctx,
  subscriptionId: string,
  body: z.output<typeof UpdateRecipientBody>,
): Promise<DigestSubscriptionDoc> {
  const doc = await getRecipient(ctx, subscriptionId);
  const restart = timingChanged(doc, body) || !doc.active;
  return (await DigestSubscriptionModel.findOneAndUpdate(
    { _id: doc._id, organisationId: ctx.organisationId },
    { $set: { ...body, active: true, ...(restart && { activeSince: new Date() }) } },
    { returnDocument: 'after' },
  ).lean<DigestSubscriptionDoc>())!;
}

export async function deleteRecipient(ctx: Ctx, subscriptionId: string): Promise<void> {
  const doc = await getRecipient(ctx, subscriptionId);
  await DigestSubscriptionModel.deleteOne({ _id: doc._id, organisationId: ctx.organisationId });
}

/** The link in every digest: it switches that subscription off, nothing else. */
export async function unsubscribe(subscriptionId: string): Promise<DigestSubscriptionDoc | null> {
  return DigestSubscriptionModel.findOneAndUpdate(
    { _id: subscriptionId },
    { $set: { active: false } },
    { returnDocument: 'after', crossTenant: true },
  ).lean<DigestSubscriptionDoc>();
}

export async function findSubscription(subscriptionId: string): Promise<DigestSubscriptionDoc | null> {
  return DigestSubscriptionModel.findById(subscriptionId)
    .setOptions({ crossTenant: true })
    .lean<DigestSubscriptionDoc>();
}

/** Every active subscription: the tick's scan, across organisations. */
export async function activeSubscriptions(): Promise<DigestSubscriptionDoc[]> {
  return DigestSubscriptionModel.find({ active: true })
    .select({ organisationId: 1, frequency: 1, hour: 1, timeZone: 1, lastPeriod: 1, activeSince: 1 })
    .setOptions({ crossTenant: true })
    .lean<DigestSubscriptionDoc[]>();
}

function mailOf(sub: DigestSubscriptionDoc, content: Awaited<ReturnType<typeof buildDigest>>, preview = false) {
  const unsubscribeUrl = new URL(
    `/digest-unsubscribe/${unsubscribeToken(String(sub._id), settings().secretKey)}`,
    settings().publicUrl,
  ).toString();
  const mail = digestMail(sub.email, {
    frequency: sub.frequency,
    content,
    appUrl: (path) => appUrl(path),
    unsubscribeUrl,
    settingsUrl: appUrl('/digests'),
    preview,
  });
  // RFC 8058: mail clients show an unsubscribe button that POSTs to this address.
  const headers = { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
  return { mail, headers };
}

/**
 * "Send me a preview now": the digest the settings in the form would give for the last complete
 * period, to the teammate's own address, at once on the transactional queue (they are waiting).
 * Not recorded as a run, so the scheduled digest of that period still goes out; sent even when
 * nothing is new, so there is something to look at.
 */
export async function previewMyDigest(ctx: Ctx, body: DigestSettings) {
  const actor = userActor(ctx);
  const sub = { _id: mineId(ctx), email: actor.email, ...body } as unknown as DigestSubscriptionDoc;
  const coverage = coverageOf(body, latestDuePeriod(body, new Date()));
  const content = await buildDigest(ctx, { coverage, touchpointIds: body.touchpointIds });
  const { mail, headers } = mailOf(sub, content, true);
  const { emailId } = await sendOrganisationEmail(ctx, mail, {
    kind: 'digest.preview',
    relatedId: String(sub._id),
    headers,
  });
  return { emailId, nothingNew: content.nothingNew };
}

export type DeliveryOutcome = 'sent' | 'skipped' | 'done-already' | 'inactive';

/**
 * Delivers one subscription's digest for one period, at most once. The run document's `_id` is
 * derived from (subscription, period); it moves pending → building by a conditional update (the
 * claim), then → sent or skipped. The mail's id is derived from the run, so a retry after a crash
 * between storing the mail and recording the run finds the stored mail instead of sending another.
 */
export async function deliverDigest(ctx: Ctx, subscriptionId: string, day: string): Promise<DeliveryOutcome> {
  const sub = await findOwnedById<DigestSubscriptionDoc>(
    DigestSubscriptionModel as never,
    ctx.organisationId,
    subscriptionId,
  );
  if (!sub?.active) return 'inactive';
  // A teammate who left the organisation no longer reads its figures, by mail either.
  if (sub.userId && !(await findMembership({ organisationId: ctx.organisationId, userId: sub.userId })))
    return 'inactive';
  const period = periodContaining(sub, day);
  const coverage = coverageOf(sub, period);
  const _id = runIdOf(subscriptionId, period.key);
  try {
    await DigestRunModel.create({
      _id,
      organisationId: ctx.organisationId,
      subscriptionId: sub._id,
      period: period.key,
      coverage,
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const run = await claim(ctx, _id);
  if (!run) return 'done-already';
  try {
    const content = await buildDigest(ctx, { coverage, touchpointIds: sub.touchpointIds });
    if (content.nothingNew) {
      await finish(ctx, run, sub, period, { state: 'skipped', reason: 'no answers since the last digest' });
      return 'skipped';
    }
    const { mail, headers } = mailOf(sub, content);
    const { emailId } = await sendOrganisationEmail(ctx, mail, {
      kind: 'digest',
      relatedId: String(_id),
      id: derivedId('digest-mail', String(_id)),
      headers,
      queue: 'bulk',
    });
    await finish(ctx, run, sub, period, { state: 'sent', emailId });
    return 'sent';
  } catch (err) {
    // Released for the job's next attempt.
    await DigestRunModel.updateOne(
      { _id, organisationId: ctx.organisationId, state: 'building' },
      { $set: { state: 'pending', reason: String(err) } },
    );
    throw err;
  }
}

async function claim(ctx: Ctx, _id: Types.ObjectId): Promise<DigestRunDoc | null> {
  const stale = new Date(Date.now() - CLAIM_TIMEOUT_MS);
  return DigestRunModel.findOneAndUpdate(
    {
      _id,
      organisationId: ctx.organisationId,
      $or: [{ state: 'pending' }, { state: 'building', claimedAt: mongoose.trusted({ $lt: stale }) }],
    },
    { $set: { state: 'building', claimedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean<DigestRunDoc>();
}

async function finish(
  ctx: Ctx,
  run: DigestRunDoc,
  sub: DigestSubscriptionDoc,
  period: Period,
  outcome: { state: 'sent'; emailId: string } | { state: 'skipped'; reason: string },
) {
  await DigestRunModel.updateOne(
    { _id: run._id, organisationId: ctx.organisationId, state: 'building' },
    { $set: { ...outcome, ...(outcome.state === 'sent' && { reason: null }) } },
  );
  await DigestSubscriptionModel.updateOne(
    { _id: sub._id, organisationId: ctx.organisationId },
    { $set: { lastPeriod: period.key, ...(outcome.state === 'sent' && { lastSentAt: new Date() }) } },
  );
}

/** After the job's last attempt the run says so, with the error, instead of staying pending. */
export async function giveUpDigest(organisationId: string, subscriptionId: string, day: string, error: Error) {
  const sub = await findSubscription(subscriptionId);
  if (!sub) return;
  const _id = runIdOf(subscriptionId, periodContaining(sub, day).key);
  await DigestRunModel.updateOne(
    { _id, organisationId, state: mongoose.trusted({ $in: ['pending', 'building'] }) },
    { $set: { state: 'failed', reason: String(error) } },
  );
}

/** The runs of one subscription, newest first: what was sent, skipped (and why) or failed. */
export async function runsOf(ctx: Ctx, subscriptionId: string) {
  return DigestRunModel.find({ organisationId: ctx.organisationId, subscriptionId: new Types.ObjectId(subscriptionId) })
    .sort({ period: -1 })
    .limit(50)
    .lean<DigestRunDoc[]>();
}

/** How far back the sweep looks for digests whose mail never left: a day's outage and then some. */
const STUCK_WINDOW_MS = 2 * 86_400_000;

/**
 * Digests recorded as sent whose mail never reached SMTP: its job was lost with Redis, or could
 * not be queued at all. Each is queued again (once: the mail's state decides). Runs on every tick.
 */
export async function requeueStuckDigests(now = new Date()): Promise<number> {
  // Across organisations by design: the tick serves them all; each mail is read within its own.
  const runs = await DigestRunModel.find({
    state: 'sent',
    updatedAt: mongoose.trusted({ $gte: new Date(now.getTime() - STUCK_WINDOW_MS) }),
  })
    .setOptions({ crossTenant: true })
    .select({ organisationId: 1, emailId: 1 })
    .lean<Pick<DigestRunDoc, '_id' | 'organisationId' | 'emailId'>[]>();
  let requeued = 0;
  for (const run of runs)
    if (run.emailId && (await requeueUnsent({ organisationId: String(run.organisationId) }, run.emailId, 'bulk')))
      requeued++;
  return requeued;
}
