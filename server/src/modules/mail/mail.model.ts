import { Schema, model, type InferSchemaType } from 'mongoose';

import { tenantScoped } from '../../lib/tenant';

export const EMAIL_STATES = ['queued', 'sending', 'sent', 'failed'] as const;

/**
 * An email Pulse means to send. This document, not the queue, is the source of truth for whether
 * it went out: the job only carries its id and moves `state` with conditional updates.
 *
 * Tenant-scoped, with one twist: mail an organisation sends (invitations, later survey mail)
 * carries its organisationId, while system mail to a person's own account (verification,
 * password reset) carries none. Such mail belongs to no organisation, so no tenant query can
 * ever reach it; only the mail job, which reads by _id with `crossTenant`, ever sees it.
 */
const emailSchema = new Schema(
  {
    organisationId: { type: Schema.Types.ObjectId, ref: 'Organisation', default: null, index: true },
    /** What the mail is, e.g. 'member.invitation', 'auth.reset-password'. */
    kind: { type: String, required: true },
    /** The document it is about (the invitation, the user), for tracing and dedupe. */
    relatedId: { type: String, default: null },
    /** The least role that may read it in the outbox: an admin never sees an owner invitation. */
    readableBy: { type: String, enum: ['owner', 'admin'], default: 'admin' },
    to: { type: String, required: true },
    from: { type: String, required: true },
    subject: { type: String, required: true },
    text: { type: String, required: true },
    html: { type: String },
    headers: { type: Map, of: String },
    state: { type: String, enum: EMAIL_STATES, default: 'queued', required: true },
    attempts: { type: Number, default: 0 },
    claimedAt: { type: Date },
    sentAt: { type: Date },
    messageId: { type: String },
    lastError: { type: String },
  },
  { timestamps: true },
);
emailSchema.plugin(tenantScoped);

export type Email = InferSchemaType<typeof emailSchema>;
export const EmailModel = model('Email', emailSchema);
