import { Schema, model, type InferSchemaType } from 'mongoose';

/** A person who can sign in. Not tenant-owned: one person may belong to several organisations. */
const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    emailVerifiedAt: { type: Date, default: null },
    /** The organisation a new session opens in. */
    lastOrganisationId: { type: Schema.Types.ObjectId, ref: 'Organisation' },
  },
  { timestamps: true },
);

export type User = InferSchemaType<typeof userSchema>;
export const UserModel = model('User', userSchema);
