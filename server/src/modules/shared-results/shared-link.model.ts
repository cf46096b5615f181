import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { MetricKind } from '@pulse/shared/metrics/scales';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

const selectionSchema = new Schema(
  {
    kind: { type: String, enum: MetricKind.options, required: true },
    touchpointIds: { type: [String], default: [] },
    from: { type: String, default: null },
    to: { type: String, default: null },
    lastDays: { type: Number, default: null },
  },
  { _id: false },
);

/**
 * A read-only link to a dashboard selection. Its token is `pshr_<_id>_<secret>`: the public page
 * finds the link by `_id` and compares an HMAC of the secret with `hash`; the secret itself is
 * never stored, so a database leak opens no link.
 */
const sharedLinkSchema = new Schema(
  {
    ...tenantOwned,
    name: { type: String, required: true },
    hash: { type: String, required: true },
    selection: { type: selectionSchema, required: true },
    showComments: { type: Boolean, required: true },
    minGroupSize: { type: Number, required: true },
    expiresAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    createdBy: { type: String, required: true },
  },
  { timestamps: true },
);
sharedLinkSchema.plugin(tenantScoped);

export type SharedLinkDoc = Omit<InferSchemaType<typeof sharedLinkSchema>, 'selection'> & {
  selection: InferSchemaType<typeof selectionSchema>;
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const SharedLinkModel = model('SharedLink', sharedLinkSchema);
