import { z } from 'zod';

import { Permission, Role } from '../permissions';
import { Email, Id, Password, PersonName, singleLine } from './common';
import { Organisation, TimeZone } from './organisation';

export const User = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
});
export type User = z.infer<typeof User>;

/** Parts of Pulse that only some servers run, so the client offers only what will answer. */
export const SessionFeatures = z.object({
  /** The development outbox: the server catches mail instead of delivering it. */
  outbox: z.boolean(),
});
export type SessionFeatures = z.infer<typeof SessionFeatures>;

/** Who is signed in, where, and what they may do: the client shows and hides UI from this. */
export const SessionResponse = z.object({
  user: User,
  organisation: Organisation,
  role: Role,
  permissions: z.array(Permission),
  features: SessionFeatures,
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const SignupBody = z.strictObject({
  name: PersonName,
  email: Email,
  password: Password,
  organisationName: singleLine(100),
  /** The reporting time zone to start with; the sign-up page sends the browser's. UTC when absent. */
  timeZone: TimeZone.optional(),
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

/** An organisation the signed-in person belongs to, for switching between them. */
export const MyOrganisation = z.object({ id: Id, name: z.string(), role: Role, current: z.boolean() });
export type MyOrganisation = z.infer<typeof MyOrganisation>;

export const MyOrganisationsResponse = z.object({ organisations: z.array(MyOrganisation) });
export type MyOrganisationsResponse = z.infer<typeof MyOrganisationsResponse>;

export const SwitchOrganisationBody = z.strictObject({ organisationId: Id });
