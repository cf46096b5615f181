import { canAssignRole, type Role } from '@pulse/shared/permissions';
import type { AcceptInvitationBody, InviteBody } from '@pulse/shared/schemas/members';

import { userActor, withActor, type Ctx, type PublicCtx } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { assertAcceptableNewPassword, hashPassword, verifyPassword } from '../../lib/passwords';
import { settings } from '../../lib/settings';
import { issueSecret, parseSecret, secretMatches } from '../../lib/tokens';
import { audit } from '../audit/audit.service';
import type { SessionIdentity } from '../auth/auth.service';
import { sendSecurityNotice } from '../auth/security-notices';
import { createUser, findUserByEmail, findUserById, findUsersByIds, setLastOrganisation } from '../auth/users.service';
import { sendOrganisationEmail } from '../mail/mail.service';
import { invitationMail } from './members.emails';
import { findOrganisation } from '../organisations/organisation.service';
import { InvitationModel } from './invitation.model';
import { MembershipModel } from './membership.model';

const INVITATION_TTL_MS = 7 * 86_400_000;
const PREFIX = 'invite';

export async function listMembers(ctx: Pick<Ctx, 'organisationId'>) {
  const { organisationId } = ctx;
  const [memberships, invitations] = await Promise.all([
    MembershipModel.find({ organisationId }).sort({ _id: 1 }).lean(),
    InvitationModel.find({ organisationId, state: 'pending' }).sort({ _id: -1 }).lean(),
  ]);
  const users = await findUsersByIds(memberships.map((m) => m.userId));
  const byId = new Map(users.map((u) => [String(u._id), u]));
  return {
    members: memberships.flatMap((m) => {
      const user = byId.get(String(m.userId));
      return user ? [{ membership: m, user }] : [];
    }),
    invitations: invitations.filter((i) => i.expiresAt.getTime() > Date.now()),
  };
}

export async function invite(ctx: Ctx, body: InviteBody) {
  const actor = userActor(ctx);
  if (!canAssignRole(actor.role, body.role))
    throw new AppError('forbidden', `You cannot invite someone as ${body.role}`);
  // An unconfirmed sign-up could be anyone's address: it may not mail strangers in Pulse's name.
  if (!(await findUserById(actor.userId))?.emailVerifiedAt) {
    throw new AppError('email_unverified', 'Confirm your email address before inviting anyone');
  }
  const existing = await findUserByEmail(body.email);
  if (existing && (await MembershipModel.exists({ organisationId: ctx.organisationId, userId: existing._id }))) {
    throw new AppError('conflict', 'This person is already a member', [
      { path: 'body.email', message: 'is already a member' },
    ]);
  }
  const org = await findOrganisation(ctx.organisationId);
  if (!org) throw notFound('Organisation');

  // One valid link per address per organisation: inviting again replaces the pending one.
  await InvitationModel.updateMany(
    { organisationId: ctx.organisationId, email: body.email, state: 'pending' },
    { $set: { state: 'revoked' } },
  );
  const { id, token, hash } = issueSecret(PREFIX, settings().secretKey);
  const invitation = await InvitationModel.create({
    _id: id,
    organisationId: ctx.organisationId,
    email: body.email,
    role: body.role,
    hash,
    invitedBy: actor.userId,
    invitedByName: actor.name,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  });
  const url = `${settings().publicUrl}/accept-invite?token=${token}`;
  await sendOrganisationEmail(ctx, invitationMail(body.email, actor.name, org.name, body.role, url), {
    kind: 'member.invitation',
    relatedId: String(invitation._id),
    // Only an owner may hand out ownership, so only an owner may read an owner invitation's link.
    readableBy: body.role === 'owner' ? 'owner' : 'admin',
  });
  await audit(ctx, 'member.invited', body.email, { role: body.role });
  // The link goes back only to whoever may manage the team (the routes check members.manage).
  return { ...invitation.toObject(), url };
}

/**
 * A new link for a pending invitation, mailed again; the old link stops working, so one valid
 * token per address stays the rule. The old one is retired only once the new one is out: a
 * refused resend (throttled, role no longer grantable) leaves the invitation as it was.
 */
/** The address a pending invitation of this organisation goes to, for throttling its resends. */
export async function invitationAddress(ctx: Pick<Ctx, 'organisationId'>, invitationId: string) {
  const invitation = await InvitationModel.findOne({ _id: invitationId, organisationId: ctx.organisationId }).lean();
  return invitation?.email ?? invitationId;
}

export async function resendInvitation(ctx: Ctx, input: { invitationId: string }) {
  const old = await InvitationModel.findOne({
    _id: input.invitationId,
    organisationId: ctx.organisationId,
    state: 'pending',
  }).lean();
  if (!old || old.expiresAt.getTime() < Date.now()) throw notFound('Invitation');
  const fresh = await invite(ctx, { email: old.email, role: old.role as Role });
  await InvitationModel.updateOne(
    { _id: old._id, organisationId: ctx.organisationId, state: 'pending' },
    { $set: { state: 'revoked' } },
  );
  return fresh;
}

export async function revokeInvitation(ctx: Ctx, input: { invitationId: string }) {
  const invitation = await InvitationModel.findOneAndUpdate(
    { _id: input.invitationId, organisationId: ctx.organisationId, state: 'pending' },
    { $set: { state: 'revoked' } },
  ).lean();
  if (!invitation) throw notFound('Invitation');
  await audit(ctx, 'invitation.revoked', invitation.email);
}

async function findMember(organisationId: string, memberId: string) {
  const membership = await MembershipModel.findOne({ _id: memberId, organisationId }).lean();
  if (!membership) throw notFound('Member');
  const user = await findUserById(String(membership.userId));
  if (!user) throw notFound('Member');
  return { membership, user };
}

/**
 * An organisation always keeps at least one owner. The owners are counted after the write, which
 * is undone when none is left: without transactions, two owners demoting or removing each other at
 * once both passed a count made before writing, and the organisation was left with no owner.
 */
async function demoteOwner(organisationId: string, membershipId: string, role: Role) {
  await MembershipModel.updateOne({ _id: membershipId, organisationId, role: 'owner' }, { $set: { role } });
  if ((await MembershipModel.countDocuments({ organisationId, role: 'owner' })) > 0) return;
  await MembershipModel.updateOne({ _id: membershipId, organisationId }, { $set: { role: 'owner' } });
  throw new AppError('conflict', 'An organisation needs at least one owner');
}

export async function changeRole(ctx: Ctx, input: { memberId: string; role: Role }) {
  const actor = userActor(ctx);
  const { role } = input;
  const { membership, user } = await findMember(ctx.organisationId, input.memberId);
  if (String(membership._id) === actor.membershipId) throw new AppError('forbidden', 'You cannot change your own role');
  if (!canAssignRole(actor.role, role) || !canAssignRole(actor.role, membership.role as Role)) {
    throw new AppError('forbidden', 'Your role does not allow this change');
  }
  if (membership.role === 'owner' && role !== 'owner') {
    await demoteOwner(ctx.organisationId, String(membership._id), role);
  }
  const updated = await MembershipModel.findOneAndUpdate(
    { _id: membership._id, organisationId: ctx.organisationId },
    { $set: { role } },
    { returnDocument: 'after' },
  ).lean();
  await audit(ctx, 'member.role_changed', user.email, { from: membership.role, to: role });
  const org = await findOrganisation(ctx.organisationId);
  await sendSecurityNotice(ctx, user.email, `Your role in ${org?.name ?? 'Pulse'} changed`, [
    `${userActor(ctx).name} changed your role in ${org?.name ?? 'your organisation'} from ${membership.role} to ${role}.`,
  ]);
  return { membership: updated!, user };
}

export async function removeMember(ctx: Ctx, input: { memberId: string }) {
  const actor = userActor(ctx);
  const { membership, user } = await findMember(ctx.organisationId, input.memberId);
  if (!canAssignRole(actor.role, membership.role as Role))
    throw new AppError('forbidden', 'Your role does not allow this');
  // An owner stops being one first, so the last owner check covers removals too.
  if (membership.role === 'owner') await demoteOwner(ctx.organisationId, String(membership._id), 'admin');
  await MembershipModel.deleteOne({ _id: membership._id, organisationId: ctx.organisationId });
  await audit(ctx, 'member.removed', user.email);
}

async function openInvitation(token: string) {
  const invalid = new AppError('not_found', 'This invitation is invalid, expired or already used');
  const parsed = parseSecret(PREFIX, token);
  if (!parsed) throw invalid;
  // The token names the invitation, and with it the organisation: a deliberate cross-tenant read.
  const invitation = await InvitationModel.findById(parsed.id).setOptions({ crossTenant: true }).lean();
  if (!invitation || !secretMatches(parsed.secret, invitation.hash, settings().secretKey)) throw invalid;
  if (invitation.state !== 'pending' || invitation.expiresAt.getTime() < Date.now()) throw invalid;
  return invitation;
}

export async function previewInvitation(_ctx: PublicCtx, input: { token: string }) {
  const invitation = await openInvitation(input.token);
  const [org, user] = await Promise.all([
    findOrganisation(invitation.organisationId),
    findUserByEmail(invitation.email),
  ]);
  if (!org) throw notFound('Invitation');
  return { organisationName: org.name, email: invitation.email, role: invitation.role as Role, accountExists: !!user };
}

/**
 * Joins the organisation. A newcomer chooses a name and password (the link proves the address);
 * someone with an account proves it is them with their password.
 */
export async function acceptInvitation(ctx: PublicCtx, body: AcceptInvitationBody): Promise<SessionIdentity> {
  const invitation = await openInvitation(body.token);
  const organisationId = String(invitation.organisationId);
  await voidUnlessInviterCanGrant(invitation);
  let user = await findUserByEmail(invitation.email);
  if (user) {
    if (!(await verifyPassword(user.passwordHash, body.password))) {
      throw new AppError('invalid_credentials', 'The password is not right', [
        { path: 'body.password', message: 'is not right' },
      ]);
    }
  } else {
    if (!body.name)
      throw new AppError('validation_failed', 'Tell us your name', [{ path: 'body.name', message: 'is required' }]);
    if (body.password.length < 10) {
      throw new AppError('validation_failed', 'Choose a longer password', [
        { path: 'body.password', message: 'must be at least 10 characters' },
      ]);
    }
    await assertAcceptableNewPassword(body.password, {
      path: 'body.password',
      userInputs: [invitation.email, body.name],
    });
    user = await createUser({
      email: invitation.email,
      name: body.name,
      passwordHash: await hashPassword(body.password),
      emailVerifiedAt: new Date(),
    });
  }
  // Exactly one of two racing accepts moves the invitation on.
  const claimed = await InvitationModel.updateOne(
    { _id: invitation._id, organisationId, state: 'pending' },
    { $set: { state: 'accepted' } },
  );
  if (claimed.modifiedCount !== 1) throw new AppError('not_found', 'This invitation was already used');
  const membership = await MembershipModel.create({ organisationId, userId: user._id, role: invitation.role });
  await setLastOrganisation(user._id, organisationId);
  const member = withActor(ctx, organisationId, {
    kind: 'user',
    userId: String(user._id),
    membershipId: String(membership._id),
    role: invitation.role as Role,
    name: user.name,
    email: user.email,
  });
  await audit(member, 'member.joined', user.email, { role: invitation.role });
  return { userId: String(user._id), organisationId, membershipId: String(membership._id) };
}

/**
 * An invitation speaks for the person who sent it: once they have left, or no longer hold a role
 * that may grant the invited one, it is void (and stays so, even if their rights come back).
 */
async function voidUnlessInviterCanGrant(invitation: Awaited<ReturnType<typeof openInvitation>>) {
  const organisationId = String(invitation.organisationId);
  const inviter = await MembershipModel.findOne({ organisationId, userId: String(invitation.invitedBy) }).lean();
  if (inviter && canAssignRole(inviter.role as Role, invitation.role as Role)) return;
  await InvitationModel.updateOne(
    { _id: invitation._id, organisationId, state: 'pending' },
    { $set: { state: 'revoked' } },
  );
  throw new AppError('not_found', 'This invitation is no longer valid: ask the team for a new one');
}
