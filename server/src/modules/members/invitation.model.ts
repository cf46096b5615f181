import { Schema, model, type InferSchemaType } from 'mongoose';

import { Role } from '@pulse/shared/permissions';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/** An open invitation to join an organisation; the emailed link carries its _id and secret. */
const invitationSchema = new Schema(
  {
    ...tenantOwned,
    email: { type: String, required: true, lowercase: true },
    role: { type: String, enum: Role.options, required: true },
    hash: { type: String, required: true },
    invitedBy: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    invitedByName: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    state: { type: String, enum: ['pending', 'accepted', 'revoked'], default: 'pending', required: true },
  },
  { timestamps: true },
);
invitationSchema.plugin(tenantScoped);

export type Invitation = InferSchemaType<typeof invitationSchema>;
export const InvitationModel = model('Invitation', invitationSchema);
