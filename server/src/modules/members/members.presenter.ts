import type { Invitation, Member } from '@pulse/shared/schemas/members';
import type { Role } from '@pulse/shared/permissions';

import type { listMembers } from './members.service';

type Listed = Awaited<ReturnType<typeof listMembers>>;

export const presentMember = ({ membership, user }: Listed['members'][number]): Member => ({
  id: String(membership._id),
  userId: String(user._id),
  name: user.name,
  email: user.email,
  role: membership.role as Role,
  joinedAt: membership.createdAt.toISOString(),
});

export const presentInvitation = (i: Listed['invitations'][number]): Invitation => ({
  id: String(i._id),
  email: i.email,
  role: i.role as Role,
  invitedBy: i.invitedByName,
  expiresAt: i.expiresAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
});
