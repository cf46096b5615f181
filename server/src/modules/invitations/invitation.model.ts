import { Schema, Types, model, type InferSchemaType } from 'mongoose';

import { SkipReason } from '@pulse/shared/schemas/interactions';
import { InvitationState } from '@pulse/shared/schemas/invitations';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * One recipient, one send — or one recorded decision not to send (`skipped` with its reason).
 * This document, not the queue, says whether the email went out: jobs carry its id only and
 * move `state` with conditional updates. When the caller gave an idempotency key, the _id is
 * derived from it, so a replay is a read by _id and a racing duplicate collides on insert.
 */
const invitationSchema = new Schema(
  {
    ...tenantOwned,
    touchpointId: { type: Schema.Types.ObjectId, required: true },
    touchpointKey: { type: String, required: true },
    surveyId: { type: Schema.Types.ObjectId, default: null },
    surveyVersion: { type: Number, default: null },
    contactId: { type: Schema.Types.ObjectId, required: true },
    channel: { type: String, enum: ['email', 'link'], required: true },
    state: { type: String, enum: InvitationState.options, required: true },
    reason: { type: String, enum: [...SkipReason.options, null], default: null },
    /** Recipient address at decision time; forgotten on erasure. */
    to: { type: String, default: null },
    language: { type: String, default: null },
    /** The zone and quiet hours the send time was planned in; reminders respect them too. */
    timeZone: { type: String, default: null },
    quietHours: { type: new Schema({ start: String, end: String }, { _id: false }), default: null },
    /** The job run holding the `sending` claim: its own re-run after a crash may take it back. */
    claimedBy: { type: String, default: null },
    purpose: { type: String, default: 'survey' },
    /** HMAC of the link secret; the secret itself is never stored (see invitation-token.ts). */
    tokenHash: { type: String, default: null },
    expiresAt: { type: Date, default: null },
    sendAt: { type: Date, default: null },
    claimedAt: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
    messageId: { type: String, default: null },
    sentAt: { type: Date, default: null },
    openedAt: { type: Date, default: null },
    clickedAt: { type: Date, default: null },
    respondedAt: { type: Date, default: null },
    reminders: {
      type: new Schema({ count: Number, spacingHours: Number }, { _id: false }),
      default: () => ({ count: 0, spacingHours: 72 }),
    },
    remindersSent: { type: Number, default: 0 },
    nextReminderAt: { type: Date, default: null },
    /** Claim of the reminder being sent, so two sweeps never remind twice. */
    reminderClaimedAt: { type: Date, default: null },
    history: { type: [new Schema({ state: String, at: Date }, { _id: false })], default: [] },
  },
  { timestamps: true },
);
invitationSchema.index({ organisationId: 1, createdAt: -1 });
invitationSchema.index({ state: 1 });
invitationSchema.plugin(tenantScoped);

export type SurveyInvitationDoc = InferSchemaType<typeof invitationSchema> & { _id: Types.ObjectId; createdAt: Date };
export const SurveyInvitationModel = model('SurveyInvitation', invitationSchema);
