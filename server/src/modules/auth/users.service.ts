import mongoose from 'mongoose';

import { UserModel } from './user.model';

/**
 * Identity: the people who can sign in. Other modules (members accepting an invitation, listing
 * the team) reach users through these, never through the model; the results are plain data.
 */
export const findUserByEmail = (email: string) => UserModel.findOne({ email }).lean();

export const findUserById = (userId: string) => UserModel.findById(userId).lean();

export const findUsersByIds = (userIds: Array<string | mongoose.Types.ObjectId>) =>
  UserModel.find({ _id: mongoose.trusted({ $in: userIds }) }).lean();

export async function createUser(input: { email: string; name: string; passwordHash: string; emailVerifiedAt?: Date }) {
  return (await UserModel.create(input)).toObject();
}

/** The organisation the person's next session opens in. */
export async function setLastOrganisation(userId: string | mongoose.Types.ObjectId, organisationId: string) {
  await UserModel.updateOne({ _id: userId }, { $set: { lastOrganisationId: organisationId } });
}

/** A known password and a verified address, for the seed script's demo owner. */
export async function setVerifiedPassword(userId: string | mongoose.Types.ObjectId, passwordHash: string) {
  await UserModel.updateOne({ _id: userId }, { $set: { passwordHash, emailVerifiedAt: new Date() } });
}
