import { z } from 'zod';

import { Permission, Role } from '../permissions';
import { Email, Id, Password, PersonName } from './common';
import { Organisation } from './organisation';

export const User = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
});
export type User = z.infer<typeof User>;

/** Who is signed in, where, and what they may do: the client shows and hides UI from this. */
export const SessionResponse = z.object({
  user: User,
  organisation: Organisation,
  role: Role,
  permissions: z.array(Permission),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const SignupBody = z.strictObject({
  name: PersonName,
  email: Email,
  password: Password,
  organisationName: z.string().trim().min(1).max(100),
});
export type SignupBody = z.infer<typeof SignupBody>;

export const LoginBody = z.strictObject({
  email: Email,
  // Not Password: an old account's password may predate today's rules, but the length cap holds.
  password: z.string().min(1).max(128),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const TokenBody = z.strictObject({ token: z.string().min(10).max(200) });

export const PasswordResetRequestBody = z.strictObject({ email: Email });

export const PasswordResetCompleteBody = z.strictObject({
  token: z.string().min(10).max(200),
  password: Password,
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: Password,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;
