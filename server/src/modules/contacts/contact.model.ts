import { Schema, Types, model, type InferSchemaType } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * One person, whatever touchpoint or channel they came through. FerretDB has no partial or
 * sparse unique indexes, so the unique keys are always set: the email or external id when
 * known, else `~<_id>`, which can never collide with a real one.
 */
const contactSchema = new Schema(
  {
    ...tenantOwned,
    externalId: { type: String, default: null },
    email: { type: String, default: null },
    externalKey: { type: String, required: true },
    emailKey: { type: String, required: true },
    name: { type: String, default: null },
    language: { type: String, default: null },
    timeZone: { type: String, default: null },
    attributes: { type: Schema.Types.Mixed, default: () => ({}) },
    suppression: {
      type: new Schema({ reason: String, at: Date, detail: { type: String, default: null } }, { _id: false }),
      default: null,
    },
    /** Fatigue is counted across every survey: moved by a conditional update when an invitation is made. */
    lastInvitedAt: { type: Date, default: null },
    erasedAt: { type: Date, default: null },
  },
  { timestamps: true, minimize: false },
);
contactSchema.index({ organisationId: 1, externalKey: 1 }, { unique: true });
contactSchema.index({ organisationId: 1, emailKey: 1 }, { unique: true });
contactSchema.plugin(tenantScoped);

export type ContactDoc = InferSchemaType<typeof contactSchema> & {
  _id: Types.ObjectId;
  attributes: Record<string, unknown>;
};
export const ContactModel = model('Contact', contactSchema);

export const placeholderKey = (id: Types.ObjectId) => `~${id.toHexString()}`;
