import type session from 'express-session';
import mongoose from 'mongoose';

import { ROLE_PERMISSIONS, type Role } from '@pulse/shared/permissions';
import type { ChangePasswordBody, LoginBody, SessionFeatures, SignupBody } from '@pulse/shared/schemas/auth';

import { AppError } from '../../lib/errors';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import type { Jobs } from '../../lib/queue';
import type { RedisSessionStore } from '../../lib/session-store';
import { issueSecret, parseSecret, secretMatches } from '../../lib/tokens';
import { recordAudit } from '../audit/audit.service';
import { queueEmail } from '../mail/mail.service';
import { MembershipModel } from '../members/membership.model';
import { OrganisationModel } from '../organisations/organisation.model';
import { presentOrganisation } from '../organisations/organisation.presenter';
import { resetPasswordMail, verifyEmailMail } from './auth.emails';
import type { Principal } from './principal';
import { UserModel } from './user.model';
import { UserTokenModel } from './user-token.model';

export interface AuthDeps {
  jobs: Jobs;
  sessions: RedisSessionStore;
  publicUrl: string;
  secretKey: string;
  mailFrom: string;
  /** What this server runs, as app.ts registered it; every session description reports it. */
  features: SessionFeatures;
}

/** What a new or switched session holds: ids only, re-checked on every request. */
export interface SessionIdentity {
  userId: string;
  organisationId: string;
  membershipId: string;
}

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

const TOKEN_TTL_MS = { 'verify-email': 7 * 86_400_000, 'reset-password': 3_600_000 } as const;

export async function signup(deps: AuthDeps, body: SignupBody, ip?: string): Promise<SessionIdentity> {
  const user = await UserModel.create({
    email: body.email,
    name: body.name,
    passwordHash: await hashPassword(body.password),
  }).catch((err: { code?: number }) => {
    if (err.code === 11000) {
      throw new AppError('conflict', 'An account with this email already exists', [
        { path: 'body.email', message: 'is already registered; log in instead' },
      ]);
    }
    throw err;
  });
  // No multi-document transactions on every supported database: create in an order where a
  // failure leaves nothing reachable, and undo the user if the organisation cannot be made.
  try {
    const org = await OrganisationModel.create({ name: body.organisationName, senderName: body.organisationName });
    const membership = await MembershipModel.create({ organisationId: org._id, userId: user._id, role: 'owner' });
    await UserModel.updateOne({ _id: user._id }, { $set: { lastOrganisationId: org._id } });
    const identity = {
      userId: String(user._id),
      organisationId: String(org._id),
      membershipId: String(membership._id),
    };
    await recordAudit({
      organisationId: identity.organisationId,
      action: 'auth.signup',
      actor: { kind: 'user', userId: identity.userId, email: user.email },
      target: user.email,
      ip,
    });
    await sendVerification(deps, identity.userId);
    return identity;
  } catch (err) {
    await UserModel.deleteOne({ _id: user._id });
    throw err;
  }
}

export async function login(body: LoginBody, ip?: string): Promise<SessionIdentity> {
  const user = await UserModel.findOne({ email: body.email }).lean();
  if (!(await verifyPassword(user?.passwordHash, body.password)) || !user) {
    throw new AppError('invalid_credentials', 'The email or password is not right');
  }
  const memberships = await MembershipModel.find({ userId: user._id })
    .setOptions({ crossTenant: true })
    .sort({ _id: 1 })
    .lean();
  const membership =
    memberships.find((m) => String(m.organisationId) === String(user.lastOrganisationId)) ?? memberships[0];
  if (!membership) throw new AppError('forbidden', 'This account no longer belongs to any organisation');
  const identity = {
    userId: String(user._id),
    organisationId: String(membership.organisationId),
    membershipId: String(membership._id),
  };
  await recordAudit({
    organisationId: identity.organisationId,
    action: 'auth.login',
    actor: { kind: 'user', userId: identity.userId, email: user.email },
    target: user.email,
    ip,
  });
  return identity;
}

/** Re-reads membership and user on every request, so a role change or removal applies at once. */
export async function loadSessionPrincipal(s: Partial<session.SessionData>): Promise<UserPrincipal | undefined> {
  if (!s.membershipId || !s.organisationId || !s.userId) return undefined;
  const [membership, user] = await Promise.all([
    // Read by _id alone (the one filter the dev database answers without a scan; this runs on
    // every request), then checked against the session's organisation right here.
    MembershipModel.findById(s.membershipId).setOptions({ crossTenant: true }).lean(),
    UserModel.findById(s.userId).lean(),
  ]);
  if (!membership || !user) return undefined;
  if (String(membership.organisationId) !== s.organisationId || String(membership.userId) !== String(user._id)) {
    return undefined;
  }
  return {
    kind: 'user',
    organisationId: s.organisationId,
    userId: s.userId,
    membershipId: s.membershipId,
    role: membership.role as Role,
    name: user.name,
    email: user.email,
    emailVerified: Boolean(user.emailVerifiedAt),
  };
}

/** The organisations a person belongs to, the current one marked. */
export async function listMyOrganisations(principal: UserPrincipal) {
  // Across organisations by design: they are all this person's own.
  const memberships = await MembershipModel.find({ userId: principal.userId }).setOptions({ crossTenant: true }).lean();
  const orgs = await OrganisationModel.find({
    _id: mongoose.trusted({ $in: memberships.map((m) => m.organisationId) }),
  }).lean();
  const names = new Map(orgs.map((o) => [String(o._id), o.name]));
  return memberships
    .filter((m) => names.has(String(m.organisationId)))
    .map((m) => ({
      id: String(m.organisationId),
      name: names.get(String(m.organisationId))!,
      role: m.role as Role,
      current: String(m.organisationId) === principal.organisationId,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Moves the person's session to another organisation they belong to; anything else is a 404. */
export async function switchOrganisation(principal: UserPrincipal, organisationId: string): Promise<SessionIdentity> {
  const membership = await MembershipModel.findOne({ organisationId, userId: principal.userId }).lean();
  if (!membership) throw new AppError('not_found', 'Organisation not found');
  await UserModel.updateOne({ _id: principal.userId }, { $set: { lastOrganisationId: organisationId } });
  return { userId: principal.userId, organisationId, membershipId: String(membership._id) };
}

export async function describeSession(deps: Pick<AuthDeps, 'features'>, principal: UserPrincipal) {
  const organisation = await OrganisationModel.findById(principal.organisationId).lean();
  if (!organisation) throw new AppError('unauthenticated', 'Sign in to continue');
  return {
    user: {
      id: principal.userId,
      name: principal.name,
      email: principal.email,
      emailVerified: principal.emailVerified,
    },
    organisation: presentOrganisation(organisation),
    role: principal.role,
    permissions: [...ROLE_PERMISSIONS[principal.role]],
    features: deps.features,
  };
}

export async function sendVerification(deps: AuthDeps, userId: string): Promise<void> {
  const user = await UserModel.findById(userId).lean();
  if (!user || user.emailVerifiedAt) return;
  const token = await issueUserToken(deps, userId, 'verify-email');
  const url = `${deps.publicUrl}/verify-email?token=${token}`;
  await queueEmail(deps.jobs, { from: deps.mailFrom, ...verifyEmailMail(user.email, user.name, url) });
}

export async function verifyEmail(deps: AuthDeps, token: string, ip?: string): Promise<void> {
  const userId = await consumeUserToken(deps, token, 'verify-email');
  const user = await UserModel.findOneAndUpdate(
    { _id: userId, emailVerifiedAt: null },
    { $set: { emailVerifiedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean();
  if (user?.lastOrganisationId) {
    await recordAudit({
      organisationId: String(user.lastOrganisationId),
      action: 'auth.email_verified',
      actor: { kind: 'user', userId: String(user._id), email: user.email },
      target: user.email,
      ip,
    });
  }
}

/** Always answers the same way, so the form does not reveal which emails have accounts. */
export async function requestPasswordReset(deps: AuthDeps, email: string): Promise<void> {
  const user = await UserModel.findOne({ email }).lean();
  if (!user) return;
  const token = await issueUserToken(deps, String(user._id), 'reset-password');
  await queueEmail(deps.jobs, {
    from: deps.mailFrom,
    ...resetPasswordMail(user.email, `${deps.publicUrl}/reset-password?token=${token}`),
  });
}

export async function completePasswordReset(deps: AuthDeps, token: string, password: string, ip?: string) {
  const userId = await consumeUserToken(deps, token, 'reset-password');
  const user = await UserModel.findOneAndUpdate(
    { _id: userId },
    // Following the emailed link also proves the address.
    { $set: { passwordHash: await hashPassword(password), emailVerifiedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean();
  if (!user) throw new AppError('not_found', 'This link is no longer valid');
  await deps.sessions.destroyAllForUser(userId);
  if (user.lastOrganisationId) {
    await recordAudit({
      organisationId: String(user.lastOrganisationId),
      action: 'auth.password_reset',
      actor: { kind: 'user', userId: String(user._id), email: user.email },
      target: user.email,
      ip,
    });
  }
}

/** Ends every other session of the user; the caller rotates the current one. */
export async function changePassword(
  deps: AuthDeps,
  principal: UserPrincipal,
  body: ChangePasswordBody,
  currentSid: string,
  ip?: string,
): Promise<void> {
  const user = await UserModel.findById(principal.userId).lean();
  if (!(await verifyPassword(user?.passwordHash, body.currentPassword))) {
    throw new AppError('invalid_credentials', 'The current password is not right', [
      { path: 'body.currentPassword', message: 'is not right' },
    ]);
  }
  await UserModel.updateOne(
    { _id: principal.userId },
    { $set: { passwordHash: await hashPassword(body.newPassword) } },
  );
  await deps.sessions.destroyAllForUser(principal.userId, currentSid);
  await recordAudit({
    organisationId: principal.organisationId,
    action: 'auth.password_changed',
    actor: principal,
    target: principal.email,
    ip,
  });
}

async function issueUserToken(deps: AuthDeps, userId: string, purpose: keyof typeof TOKEN_TTL_MS) {
  const { id, token, hash } = issueSecret(purpose === 'verify-email' ? 'verify' : 'reset', deps.secretKey);
  await UserTokenModel.create({
    _id: id,
    userId,
    purpose,
    hash,
    expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]),
  });
  return token;
}

/** Single use: the conditional update lets exactly one of two racing clicks through. */
async function consumeUserToken(deps: AuthDeps, token: string, purpose: keyof typeof TOKEN_TTL_MS): Promise<string> {
  const invalid = new AppError('not_found', 'This link is invalid, expired or already used');
  const parsed = parseSecret(purpose === 'verify-email' ? 'verify' : 'reset', token);
  if (!parsed) throw invalid;
  const stored = await UserTokenModel.findById(parsed.id).lean();
  if (!stored || stored.purpose !== purpose || !secretMatches(parsed.secret, stored.hash, deps.secretKey))
    throw invalid;
  if (stored.usedAt || stored.expiresAt.getTime() < Date.now()) throw invalid;
  const claimed = await UserTokenModel.updateOne({ _id: stored._id, usedAt: null }, { $set: { usedAt: new Date() } });
  if (claimed.modifiedCount !== 1) throw invalid;
  return String(stored.userId);
}
