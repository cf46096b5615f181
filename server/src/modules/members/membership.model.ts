import { Schema, model, type InferSchemaType } from 'mongoose';

import { Role } from '@pulse/shared/permissions';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/** A user's place in one organisation, with their role there. */
const membershipSchema = new Schema(
  {
    ...tenantOwned,
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    role: { type: String, enum: Role.options, required: true },
  },
  { timestamps: true },
);
membershipSchema.plugin(tenantScoped);
membershipSchema.index({ organisationId: 1, userId: 1 }, { unique: true });
membershipSchema.index({ userId: 1 });

export type Membership = InferSchemaType<typeof membershipSchema>;
export const MembershipModel = model('Membership', membershipSchema);
