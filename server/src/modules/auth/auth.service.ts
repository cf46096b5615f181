import type session from 'express-session';

import { ROLE_PERMISSIONS, type Role } from '@pulse/shared/permissions';
import type { LoginBody, SessionFeatures, SignupBody } from '@pulse/shared/schemas/auth';

import { userActor, withActor, type Ctx, type PublicCtx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { assertAcceptableNewPassword, hashPassword, verifyPassword } from '../../lib/passwords';
import { audit } from '../audit/audit.service';
import {
  createMembership,
  findMembership,
  findMembershipById,
  membershipsOfUser,
} from '../members/memberships.service';
import { createOrganisation, findOrganisation, findOrganisations } from '../organisations/organisation.service';
import { presentOrganisation } from '../organisations/organisation.presenter';
import { settings } from '../../lib/settings';
import { sendSystemEmail } from '../mail/mail.service';
import { existingAccountMail } from './auth.emails';
import { sendVerification } from './credentials.service';
import type { UserPrincipal } from './principal';
import { UserModel } from './user.model';
import { setLastOrganisation } from './users.service';

/** What a new or switched session holds: ids only, re-checked on every request. */
export interface SessionIdentity {
  userId: string;
  organisationId: string;
  membershipId: string;
}

/**
 * Answers the same way whether or not the address already has an account (no enumeration, as
 * OWASP advises): a new address gets its account and a confirmation link, an existing one a
 * note to its owner. Nobody is signed in here; the person logs in once they have read the mail.
 */
export async function signup(ctx: PublicCtx, body: SignupBody): Promise<void> {
  await assertAcceptableNewPassword(body.password, {
    path: 'body.password',
    userInputs: [body.email, body.name, body.organisationName],
  });
  // Hashed on both paths, so the time taken does not tell which one ran.
  const passwordHash = await hashPassword(body.password);
  if (await UserModel.exists({ email: body.email })) return tellOwnerOfSignupAttempt(ctx, body.email);
  const user = await UserModel.create({ email: body.email, name: body.name, passwordHash }).catch(
    (err: { code?: number }) => {
      if (err.code === 11000) return undefined;
      throw err;
    },
  );
  // Lost a race with another sign-up for the same address: that one is now the existing account.
  if (!user) return tellOwnerOfSignupAttempt(ctx, body.email);
  // No multi-document transactions on every supported database: create in an order where a
  // failure leaves nothing reachable, and undo the user if the organisation cannot be made.
  try {
    const org = await createOrganisation({
      name: body.organisationName,
      senderName: body.organisationName,
      ...(body.timeZone ? { timeZone: body.timeZone } : {}),
    });
    const membership = await createMembership({ organisationId: org._id, userId: user._id, role: 'owner' });
    await setLastOrganisation(user._id, String(org._id));
    const identity = {
      userId: String(user._id),
      organisationId: String(org._id),
      membershipId: String(membership._id),
    };
    const owner = withActor(ctx, identity.organisationId, {
      kind: 'user',
      userId: String(user._id),
      membershipId: String(membership._id),
      role: 'owner',
      name: user.name,
      email: user.email,
    });
    await audit(owner, 'auth.signup', user.email);
    await sendVerification(owner, { userId: String(user._id) });
  } catch (err) {
    await UserModel.deleteOne({ _id: user._id });
    throw err;
  }
}

async function tellOwnerOfSignupAttempt(ctx: PublicCtx, email: string): Promise<void> {
  await sendSystemEmail(ctx, existingAccountMail(email, settings().publicUrl), { kind: 'auth.signup-existing' });
}

export async function login(ctx: PublicCtx, body: LoginBody): Promise<SessionIdentity> {
  const user = await UserModel.findOne({ email: body.email }).lean();
  if (!(await verifyPassword(user?.passwordHash, body.password)) || !user) {
    throw new AppError('invalid_credentials', 'The email or password is not right');
  }
  const memberships = await membershipsOfUser(user._id);
  const membership =
    memberships.find((m) => String(m.organisationId) === String(user.lastOrganisationId)) ?? memberships[0];
  if (!membership) throw new AppError('forbidden', 'This account no longer belongs to any organisation');
  const identity = {
    userId: String(user._id),
    organisationId: String(membership.organisationId),
    membershipId: String(membership._id),
  };
  const actor = { kind: 'user' as const, userId: identity.userId, email: user.email };
  await audit({ ...ctx, organisationId: identity.organisationId, actor }, 'auth.login', user.email);
  return identity;
}

/** Re-reads membership and user on every request, so a role change or removal applies at once. */
export async function loadSessionPrincipal(s: Partial<session.SessionData>): Promise<UserPrincipal | undefined> {
  if (!s.membershipId || !s.organisationId || !s.userId) return undefined;
  const [membership, user] = await Promise.all([
    // Read by _id alone (this runs on every request), then checked against the session's
    // organisation right here.
    findMembershipById(s.membershipId),
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
export async function listMyOrganisations(ctx: Ctx) {
  const { userId } = userActor(ctx);
  // Across organisations by design: they are all this person's own.
  const memberships = await membershipsOfUser(userId);
  const orgs = await findOrganisations(memberships.map((m) => m.organisationId));
  const names = new Map(orgs.map((o) => [String(o._id), o.name]));
  return memberships
    .filter((m) => names.has(String(m.organisationId)))
    .map((m) => ({
      id: String(m.organisationId),
      name: names.get(String(m.organisationId))!,
      role: m.role as Role,
      current: String(m.organisationId) === ctx.organisationId,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Moves the person's session to another organisation they belong to; anything else is a 404. */
export async function switchOrganisation(ctx: Ctx, input: { organisationId: string }): Promise<SessionIdentity> {
  const { userId } = userActor(ctx);
  const { organisationId } = input;
  const membership = await findMembership({ organisationId, userId });
  if (!membership) throw new AppError('not_found', 'Organisation not found');
  await setLastOrganisation(userId, organisationId);
  return { userId, organisationId, membershipId: String(membership._id) };
}

/** The session as the client sees it; `features` says what this server runs (app.ts decides). */
export async function describeSession(principal: UserPrincipal, features: SessionFeatures) {
  const organisation = await findOrganisation(principal.organisationId);
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
    features,
  };
}
