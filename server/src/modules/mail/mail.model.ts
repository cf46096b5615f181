import { Schema, model, type InferSchemaType } from 'mongoose';

export const EMAIL_STATES = ['queued', 'sending', 'sent', 'failed'] as const;

/**
 * An email Pulse means to send. This document, not the queue, is the source of truth for whether
 * it went out: the job only carries its id and moves `state` with conditional updates.
 */
const emailSchema = new Schema(
  {
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

export type Email = InferSchemaType<typeof emailSchema>;
export const EmailModel = model('Email', emailSchema);
