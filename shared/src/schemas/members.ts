import { z } from 'zod';

import { Role } from '../permissions';
import { Email, Id, PersonName } from './common';

export const Member = z.object({
  id: Id,
  userId: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;

export const Invitation = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  invitedBy: z.string(),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type Invitation = z.infer<typeof Invitation>;

/** A re-issued invitation and its new link, for the inviter to copy; earlier links no longer work. */
export const ResentInvitation = z.object({ invitation: Invitation, url: z.url() });
export type ResentInvitation = z.infer<typeof ResentInvitation>;

export const MembersResponse = z.object({ members: z.array(Member), invitations: z.array(Invitation) });
export type MembersResponse = z.infer<typeof MembersResponse>;

export const MemberParams = z.strictObject({ memberId: Id });
export const InvitationParams = z.strictObject({ invitationId: Id });

export const InviteBody = z.strictObject({ email: Email, role: Role });
export type InviteBody = z.infer<typeof InviteBody>;

export const ChangeRoleBody = z.strictObject({ role: Role });

/** What the accept page shows before the invitee commits. */
export const InvitationPreview = z.object({
  organisationName: z.string(),
  email: z.string(),
  role: Role,
  /** When true the invitee signs in with their existing password; otherwise they choose one. */
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const InvitationPreviewQuery = z.strictObject({ token: z.string().min(10).max(200) });

export const AcceptInvitationBody = z.strictObject({
  token: z.string().min(10).max(200),
  /** Needed when the invitee has no account yet. */
  name: PersonName.optional(),
  password: z.string().min(1).max(128),
});
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;
