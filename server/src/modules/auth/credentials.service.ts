import type { ChangePasswordBody } from '@pulse/shared/schemas/auth';

import { AppError } from '../../lib/errors';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { issueSecret, parseSecret, secretMatches } from '../../lib/tokens';
import { recordAudit } from '../audit/audit.service';
import { queueEmail } from '../mail/mail.service';
import { resetPasswordMail, verifyEmailMail } from './auth.emails';
import type { AuthDeps } from './auth.service';
import type { UserPrincipal } from './principal';
import { UserModel } from './user.model';
import { UserTokenModel } from './user-token.model';

/*
 * Proving an email address and setting passwords: the flows that run through a single-use
 * emailed link, and changing a password from inside a session.
 */

// Per purpose: how long an emailed link lives, and the word its token starts with.
const TOKENS = {
  'verify-email': { ttlMs: 7 * 86_400_000, prefix: 'verify' },
  'reset-password': { ttlMs: 3_600_000, prefix: 'reset' },
} as const;

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

async function issueUserToken(deps: AuthDeps, userId: string, purpose: keyof typeof TOKENS) {
  const { id, token, hash } = issueSecret(TOKENS[purpose].prefix, deps.secretKey);
  await UserTokenModel.create({
    _id: id,
    userId,
    purpose,
    hash,
    expiresAt: new Date(Date.now() + TOKENS[purpose].ttlMs),
  });
  return token;
}

/** Single use: the conditional update lets exactly one of two racing clicks through. */
async function consumeUserToken(deps: AuthDeps, token: string, purpose: keyof typeof TOKENS): Promise<string> {
  const invalid = new AppError('not_found', 'This link is invalid, expired or already used');
  const parsed = parseSecret(TOKENS[purpose].prefix, token);
  if (!parsed) throw invalid;
  const stored = await UserTokenModel.findById(parsed.id).lean();
  if (!stored || stored.purpose !== purpose || !secretMatches(parsed.secret, stored.hash, deps.secretKey))
    throw invalid;
  if (stored.usedAt || stored.expiresAt.getTime() < Date.now()) throw invalid;
  const claimed = await UserTokenModel.updateOne({ _id: stored._id, usedAt: null }, { $set: { usedAt: new Date() } });
  if (claimed.modifiedCount !== 1) throw invalid;
  return String(stored.userId);
}
