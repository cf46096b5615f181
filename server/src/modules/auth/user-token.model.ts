import { Schema, model, type InferSchemaType } from 'mongoose';

/**
 * A single-use secret sent by email (verify the address, reset the password). The _id is part of
 * the link; only the HMAC of the secret is stored. Expiry is checked in code: the dev database has
 * no TTL indexes.
 */
const userTokenSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, ref: 'User', required: true },
    purpose: { type: String, enum: ['verify-email', 'reset-password'], required: true },
    hash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { timestamps: true },
);

export type UserToken = InferSchemaType<typeof userTokenSchema>;
export const UserTokenModel = model('UserToken', userTokenSchema);
