import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

export const DIGEST_RUN_STATES = ['pending', 'building', 'sent', 'skipped', 'failed'] as const;

/**
 * One digest of one subscription for one period. Its `_id` is derived from (subscription,
 * period), so every tick, retry or second worker finds the same document; `state` moves
 * pending → building → sent | skipped by conditional updates, and the mail it stores has an id
 * derived from the run, so the digest goes out once. A skip records why.
 */
const digestRunSchema = new Schema(
  {
    ...tenantOwned,
    subscriptionId: { type: Schema.Types.ObjectId, required: true },
    period: { type: String, required: true },
    state: { type: String, enum: DIGEST_RUN_STATES, default: 'pending', required: true },
    claimedAt: { type: Date, default: null },
    coverage: { from: { type: Date, required: true }, to: { type: Date, required: true } },
    emailId: { type: String, default: null },
    /** Why it was skipped, or the last error. */
    reason: { type: String, default: null },
    sections: { type: [String], default: [] },
  },
  { timestamps: true },
);
digestRunSchema.plugin(tenantScoped);

export type DigestRunDoc = InferSchemaType<typeof digestRunSchema> & { _id: Types.ObjectId };
export const DigestRunModel = model('DigestRun', digestRunSchema);
