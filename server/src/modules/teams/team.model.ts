import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/** A named group of the organisation's users; the order of `memberIds` is the round-robin order. */
const teamSchema = new Schema(
  {
    ...tenantOwned,
    name: { type: String, required: true },
    memberIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: true },
);
teamSchema.plugin(tenantScoped);
teamSchema.index({ organisationId: 1, name: 1 }, { unique: true });

export type TeamDoc = InferSchemaType<typeof teamSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const TeamModel = model('Team', teamSchema);
