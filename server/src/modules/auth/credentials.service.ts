import type { ChangePasswordBody } from '@pulse/shared/schemas/auth';

import { userActor, type Ctx, type PublicCtx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { assertAcceptableNewPassword, hashPassword, verifyPassword } from '../../lib/passwords';
import { settings } from '../../lib/settings';
import { issueSecret, parseSecret, secretMatches } from '../../lib/tokens';
import { audit } from '../audit/audit.service';
import { queueEmail } from '../mail/mail.service';
import { resetPasswordMail, verifyEmailMail } from './auth.emails';
import { UserModel } from './user.model';
import { UserTokenModel } from './user-token.model';

/*
 * Proving an email address and setting passwords: the flows that run through a single-use
 * emailed link, and changing a password from inside a session. Ending sessions is left to the
 * routes, which hold the session store.
 */

// Per purpose: how long an emailed link lives, and the word its token starts with.
const TOKENS = {
  'verify-email': { ttlMs: 7 * 86_400_000, prefix: 'verify' },
  'reset-password': { ttlMs: 3_600_000, prefix: 'reset' },
} as const;

export async function sendVerification(_ctx: PublicCtx, input: { userId: string }): Promise<void> {
  const user = await UserModel.findById(input.userId).lean();
  if (!user || user.emailVerifiedAt) return;
  const token = await issueUserToken(input.userId, 'verify-email');
  const url = `${settings().publicUrl}/verify-email?token=${token}`;
  await queueEmail({ from: settings().mailFrom, ...verifyEmailMail(user.email, user.name, url) });
}

export async function verifyEmail(ctx: PublicCtx, input: { token: string }): Promise<void> {
  const userId = await consumeUserToken(input.token, 'verify-email');
  const user = await UserModel.findOneAndUpdate(
    { _id: userId, emailVerifiedAt: null },
    { $set: { emailVerifiedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean();
  if (user?.lastOrganisationId) {
    const actor = { kind: 'user' as const, userId: String(user._id), email: user.email };
    await audit({ ...ctx, organisationId: String(user.lastOrganisationId), actor }, 'auth.email_verified', user.email);
  }
}

/** Always answers the same way, so the form does not reveal which emails have accounts. */
export async function requestPasswordReset(_ctx: PublicCtx, input: { email: string }): Promise<void> {
  const user = await UserModel.findOne({ email: input.email }).lean();
  if (!user) return;
  const token = await issueUserToken(String(user._id), 'reset-password');
  await queueEmail({
    from: settings().mailFrom,
    ...resetPasswordMail(user.email, `${settings().publicUrl}/reset-password?token=${token}`),
  });
}

/** Returns whose password changed: the caller ends every session of that user. */
export async function completePasswordReset(
  ctx: PublicCtx,
  input: { token: string; password: string },
): Promise<{ userId: string }> {
  // The password is judged before the link is spent, so a refused one leaves the link usable.
  const stored = await findUserToken(input.token, 'reset-password');
  const current = await UserModel.findById(stored.userId).lean();
  if (!current) throw new AppError('not_found', 'This link is no longer valid');
  await assertAcceptableNewPassword(input.password, {
    path: 'body.password',
    userInputs: [current.email, current.name],
    currentHash: current.passwordHash,
  });
  const userId = await claimUserToken(stored);
  const user = await UserModel.findOneAndUpdate(
    { _id: userId },
    // Following the emailed link also proves the address.
    { $set: { passwordHash: await hashPassword(input.password), emailVerifiedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean();
  if (!user) throw new AppError('not_found', 'This link is no longer valid');
  await endResetLinks(userId);
  if (user.lastOrganisationId) {
    const actor = { kind: 'user' as const, userId: String(user._id), email: user.email };
    await audit({ ...ctx, organisationId: String(user.lastOrganisationId), actor }, 'auth.password_reset', user.email);
  }
  return { userId };
}

/** The caller ends the user's other sessions and rotates the current one. */
export async function changePassword(ctx: Ctx, body: ChangePasswordBody): Promise<void> {
  const actor = userActor(ctx);
  const user = await UserModel.findById(actor.userId).lean();
  if (!(await verifyPassword(user?.passwordHash, body.currentPassword))) {
    throw new AppError('invalid_credentials', 'The current password is not right', [
      { path: 'body.currentPassword', message: 'is not right' },
    ]);
  }
  await assertAcceptableNewPassword(body.newPassword, {
    path: 'body.newPassword',
    userInputs: [actor.email, actor.name],
    currentHash: user?.passwordHash,
  });
  await UserModel.updateOne({ _id: actor.userId }, { $set: { passwordHash: await hashPassword(body.newPassword) } });
  await endResetLinks(actor.userId);
  await audit(ctx, 'auth.password_changed', actor.email);
}

async function issueUserToken(userId: string, purpose: keyof typeof TOKENS) {
  const { id, token, hash } = issueSecret(TOKENS[purpose].prefix, settings().secretKey);
  await UserTokenModel.create({
    _id: id,
    userId,
    purpose,
    hash,
    expiresAt: new Date(Date.now() + TOKENS[purpose].ttlMs),
  });
  return token;
}

const invalidLink = () => new AppError('not_found', 'This link is invalid, expired or already used');

/** The stored token behind an emailed link, if the link is genuine, unused and unexpired. */
async function findUserToken(token: string, purpose: keyof typeof TOKENS) {
  const parsed = parseSecret(TOKENS[purpose].prefix, token);
  if (!parsed) throw invalidLink();
  const stored = await UserTokenModel.findById(parsed.id).lean();
  if (!stored || stored.purpose !== purpose || !secretMatches(parsed.secret, stored.hash, settings().secretKey))
    throw invalidLink();
  if (stored.usedAt || stored.expiresAt.getTime() < Date.now()) throw invalidLink();
  return stored;
}

/** Single use: the conditional update lets exactly one of two racing clicks through. */
async function claimUserToken(stored: { _id: unknown; userId: unknown }): Promise<string> {
  const claimed = await UserTokenModel.updateOne({ _id: stored._id, usedAt: null }, { $set: { usedAt: new Date() } });
  if (claimed.modifiedCount !== 1) throw invalidLink();
  return String(stored.userId);
}

async function consumeUserToken(token: string, purpose: keyof typeof TOKENS): Promise<string> {
  return claimUserToken(await findUserToken(token, purpose));
}

/** Once the password is set (by a link or in a session) no earlier reset link may set it again. */
async function endResetLinks(userId: string): Promise<void> {
  await UserTokenModel.updateMany(
    { userId, purpose: 'reset-password', usedAt: null },
    { $set: { usedAt: new Date() } },
  );
}
