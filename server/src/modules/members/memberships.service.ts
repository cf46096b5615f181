import type { Types } from 'mongoose';

import type { Role } from '@pulse/shared/permissions';

import { MembershipModel } from './membership.model';

/**
 * Access: a person's place and role in an organisation. Auth (signing up, logging in, the guard's
 * per-request check) reads and makes memberships through these, never through the model.
 */
type Id = string | Types.ObjectId;

export async function createMembership(input: { organisationId: Id; userId: Id; role: Role }) {
  return (await MembershipModel.create(input)).toObject();
}

export const findMembership = (where: { organisationId: Id; userId: Id }) => MembershipModel.findOne(where).lean();

/**
 * By _id alone, across organisations: the one filter the dev database answers without a scan
 * (the guard runs it on every request). The caller checks the organisation against its session.
 */
export const findMembershipById = (membershipId: string) =>
  MembershipModel.findById(membershipId).setOptions({ crossTenant: true }).lean();

/** Every organisation a person belongs to, oldest first: across organisations by design. */
export const membershipsOfUser = (userId: Id) =>
  MembershipModel.find({ userId }).setOptions({ crossTenant: true }).sort({ _id: 1 }).lean();
