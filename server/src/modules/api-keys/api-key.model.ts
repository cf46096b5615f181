import { Schema, model, type InferSchemaType } from 'mongoose';

import { ApiKeyScope } from '@pulse/shared/permissions';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/** A server-to-server credential. The key's text holds this _id; only an HMAC of its secret is kept. */
const apiKeySchema = new Schema(
  {
    ...tenantOwned,
    name: { type: String, required: true },
    prefix: { type: String, required: true },
    hash: { type: String, required: true },
    scopes: { type: [String], enum: ApiKeyScope.options, required: true },
    /** null when Pulse made it (the seed script). */
    createdBy: { type: Schema.Types.ObjectId, ref: 'User', default: null },
    createdByName: { type: String, required: true },
    lastUsedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
apiKeySchema.plugin(tenantScoped);

export type ApiKey = InferSchemaType<typeof apiKeySchema>;
export const ApiKeyModel = model('ApiKey', apiKeySchema);
