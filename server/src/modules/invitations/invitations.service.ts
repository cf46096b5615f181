import mongoose, { Types } from 'mongoose';

import type { InvitationState } from '@pulse/shared/schemas/invitations';

import type { Ctx } from '../../lib/context';
import { recordTimeline } from '../contacts/contacts.service';
import { SurveyInvitationModel, type SurveyInvitationDoc } from './invitation.model';
import { parseInvitationToken, tokenMatches } from './invitation-token';

export type { SurveyInvitationDoc };

const trusted = mongoose.trusted;

const LABELS: Partial<Record<InvitationState, string>> = {
  sent: 'Invitation sent',
  bounced: 'Invitation bounced',
  opened: 'Invitation opened',
  clicked: 'Survey link clicked',
  responded: 'Responded',
  expired: 'Invitation expired',
  failed: 'Invitation could not be sent',
};

/**
 * Moves an invitation from one of `from` to `to` in one conditional update on its _id: only one
 * caller wins a transition, so retries and racing requests never double it. Records the change
 * on the contact's timeline. Returns the invitation as it was before, or null when it was not in
 * `from` (already moved, or not this organisation's).
 */
export async function transition(
  ctx: Ctx,
  invitationId: Types.ObjectId | string,
  from: InvitationState[],
  to: InvitationState,
  set: Record<string, unknown> = {},
): Promise<SurveyInvitationDoc | null> {
  const at = new Date();
  const before = await SurveyInvitationModel.findOneAndUpdate(
    { _id: invitationId, organisationId: ctx.organisationId, state: trusted({ $in: from }) },
    { $set: { state: to, ...set }, $push: { history: { state: to, at } } },
    { returnDocument: 'before' },
  ).lean<SurveyInvitationDoc>();
  if (before && LABELS[to]) {
    await recordTimeline(ctx, String(before.contactId), {
      kind: 'invitation',
      summary: LABELS[to],
      at,
      touchpointKey: before.touchpointKey,
      channel: before.channel,
      refId: String(before._id),
    });
  }
  return before;
}

/**
 * Records a send whose lease the caller holds (send-lease.ts): the one writer of a queued
 * invitation, so the update needs no condition and goes by `_id` alone, a point write on the dev
 * database (a filter with more fields scans the collection). The history keeps both when the send
 * was claimed and when the SMTP server accepted it.
 */
export async function recordSent(
  ctx: Ctx,
  invitation: SurveyInvitationDoc,
  sent: { claimedAt: Date; sentAt: Date; messageId: string; attempts: number; nextReminderAt: Date | null },
): Promise<void> {
  const { claimedAt, sentAt } = sent;
  // Two independent writes, side by side: the timeline insert does not wait for the update.
  await Promise.all([
    SurveyInvitationModel.updateOne(
      { _id: invitation._id },
      {
        $set: { state: 'sent', lastError: null, claimedBy: null, ...sent },
        $push: {
          history: {
            $each: [
              { state: 'sending', at: claimedAt },
              { state: 'sent', at: sentAt },
            ],
          },
        },
      },
    ).setOptions({ crossTenant: true }),
    recordTimeline(ctx, String(invitation.contactId), {
      kind: 'invitation',
      summary: LABELS.sent!,
      at: sentAt,
      touchpointKey: invitation.touchpointKey,
      channel: invitation.channel,
      refId: String(invitation._id),
    }),
  ]);
}

/** A send that failed and will be retried: the invitation stays queued, with the error and the attempt count. */
export async function recordSendError(invitation: SurveyInvitationDoc, lastError: string, attempts: number) {
  // By _id alone under the caller's lease, as recordSent.
  await SurveyInvitationModel.updateOne({ _id: invitation._id }, { $set: { lastError, attempts } }).setOptions({
    crossTenant: true,
  });
}

/**
 * The invitation a personal link names, in whichever organisation it belongs to: the one
 * deliberate cross-tenant read (the token carries the id; its secret is checked against the
 * stored HMAC). Null for a malformed, forged or unknown token.
 */
export async function findInvitationByToken(token: string, secretKey: string): Promise<SurveyInvitationDoc | null> {
  const parsed = parseInvitationToken(token);
  if (!parsed) return null;
  const invitation = await SurveyInvitationModel.findById(parsed.id)
    .setOptions({ crossTenant: true })
    .lean<SurveyInvitationDoc>();
  if (!invitation?.tokenHash || !tokenMatches(parsed.secret, invitation.tokenHash, secretKey)) return null;
  return invitation;
}

const FUNNEL: InvitationState[] = ['sent', 'opened', 'clicked'];

/** The open pixel loaded. Idempotent: only the first open counts. */
export const markOpened = (ctx: Ctx, invitationId: string) =>
  transition(ctx, invitationId, ['sent'], 'opened', { openedAt: new Date() });

/** A survey link (or score button) followed; an open is implied when images were blocked. */
export const markClicked = (ctx: Ctx, invitationId: string) =>
  transition(ctx, invitationId, ['sent', 'opened'], 'clicked', { clickedAt: new Date() });

/** A response was recorded: reminders stop. */
export const markResponded = (ctx: Ctx, invitationId: string) =>
  transition(ctx, invitationId, FUNNEL, 'responded', { respondedAt: new Date(), nextReminderAt: null });

/**
 * Whether a link may still be answered (not expired, not failed or bounced). `queued` and `sending`
 * count: the SMTP server may have accepted the mail, and its reader clicked, before the send job
 * recorded `sent` (it goes from `queued` to `sent` in one write). Nobody holds a link before then:
 * the token exists only in the mail.
 */
export const isAnswerable = (invitation: Pick<SurveyInvitationDoc, 'state' | 'expiresAt'>, now = new Date()) =>
  ['queued', 'sending', 'sent', 'opened', 'clicked', 'responded'].includes(invitation.state) &&
  (!invitation.expiresAt || invitation.expiresAt > now);

/** Erasure: the recipient address goes; the invitation stays as an anonymous count. */
export async function forgetInvitationRecipient(ctx: Ctx, contactId: string): Promise<void> {
  await SurveyInvitationModel.updateMany(
    { organisationId: ctx.organisationId, contactId: new Types.ObjectId(contactId) },
    { $set: { to: null } },
  );
}

export interface InvitationsFilter {
  touchpointId?: string;
  state?: InvitationState;
  reason?: string;
  contactId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** The decision log, newest first. */
export async function listInvitations(ctx: Ctx, f: InvitationsFilter) {
  const filter: Record<string, unknown> = { organisationId: ctx.organisationId };
  if (f.touchpointId) filter.touchpointId = new Types.ObjectId(f.touchpointId);
  if (f.contactId) filter.contactId = new Types.ObjectId(f.contactId);
  if (f.state) filter.state = f.state;
  if (f.reason) filter.reason = f.reason;
  const range: Record<string, Date> = {};
  if (f.from) range.$gte = new Date(f.from);
  if (f.to) range.$lt = new Date(f.to);
  if (Object.keys(range).length) filter.createdAt = trusted(range);
  if (f.cursor) {
    // Ids made from idempotency keys are not time-ordered: page by creation time, then id.
    const [ms, id] = f.cursor.split('_') as [string, string];
    const at = new Date(Number(ms));
    filter.$or = [
      { createdAt: trusted({ $lt: at }) },
      { createdAt: at, _id: trusted({ $lt: new Types.ObjectId(id) }) },
    ];
  }
  const rows = await SurveyInvitationModel.find(filter)
    .sort({ createdAt: -1, _id: -1 })
    .limit(f.limit + 1)
    .lean<SurveyInvitationDoc[]>();
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    invitations: page,
    nextCursor: rows.length > f.limit && last ? `${last.createdAt.getTime()}_${String(last._id)}` : null,
  };
}
