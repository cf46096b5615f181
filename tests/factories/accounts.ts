import { randomUUID } from 'node:crypto';

import type { Express } from 'express';
import request from 'supertest';

import type { Role } from '@pulse/shared/permissions';
import type { CreatedApiKeyResponse } from '@pulse/shared/schemas/api-keys';
import type { SessionResponse } from '@pulse/shared/schemas/auth';
import type { Invitation } from '@pulse/shared/schemas/members';

import { hashPassword } from '../../server/src/lib/passwords';
import { UserModel } from '../../server/src/modules/auth/user.model';
import { MembershipModel } from '../../server/src/modules/members/membership.model';

export const PASSWORD = 'correct horse battery';

const unique = () => randomUUID().slice(0, 8);

/** An address no other test (nor another jest worker sharing the mail catcher) uses. */
export const uniqueEmail = (label = 'person') => `${label}-${unique()}@example.test`;

export const buildSignup = (
  overrides: Partial<Record<'name' | 'email' | 'password' | 'organisationName' | 'timeZone', string>> = {},
) => {
  const id = unique();
  return {
    name: `Owner ${id}`,
    email: `owner-${id}@example.test`,
    password: PASSWORD,
    organisationName: `Org ${id}`,
    ...overrides,
  };
};

export interface Teammate {
  /** A supertest agent that keeps the session cookie, like a browser would. */
  agent: ReturnType<typeof request.agent>;
  session: SessionResponse;
  email: string;
  password: string;
  organisationId: string;
  membershipId: string;
}

/** Signs up through the API and stops there: nobody is signed in and no log-in attempt is spent. */
export async function signUpAccount(app: Express, overrides: Parameters<typeof buildSignup>[0] = {}) {
  const body = buildSignup(overrides);
  await request(app).post('/api/v1/auth/signup').send(body).expect(202);
  return body;
}

/**
 * Signs up through the API (which signs nobody in), then logs in: a new organisation with its
 * owner, signed in. The owner's address counts as confirmed unless `verified: false`, since an
 * unconfirmed account may not invite; the confirmation mail is still sent.
 */
export async function signUpOwner(
  app: Express,
  overrides: Parameters<typeof buildSignup>[0] = {},
  opts: { verified?: boolean } = {},
): Promise<Teammate> {
  const body = await signUpAccount(app, overrides);
  const agent = request.agent(app);
  if (opts.verified ?? true) {
    await UserModel.updateOne({ email: body.email.toLowerCase() }, { $set: { emailVerifiedAt: new Date() } });
  }
  const res = await agent.post('/api/v1/auth/login').send({ email: body.email, password: body.password }).expect(200);
  const session = res.body as SessionResponse;
  const membership = await MembershipModel.findOne({
    organisationId: session.organisation.id,
    userId: session.user.id,
  }).lean();
  return {
    agent,
    session,
    email: body.email,
    password: body.password,
    organisationId: session.organisation.id,
    membershipId: String(membership!._id),
  };
}

/**
 * Adds a teammate with `role` straight to the database (the invitation flow has its own tests),
 * then signs them in through the API.
 */
export async function addTeammate(app: Express, organisationId: string, role: Role): Promise<Teammate> {
  const id = unique();
  const email = `${role}-${id}@example.test`;
  const user = await UserModel.create({
    email,
    name: `${role} ${id}`,
    passwordHash: await hashPassword(PASSWORD),
    emailVerifiedAt: new Date(),
    lastOrganisationId: organisationId,
  });
  const membership = await MembershipModel.create({ organisationId, userId: user._id, role });
  const agent = request.agent(app);
  const res = await agent.post('/api/v1/auth/login').send({ email, password: PASSWORD }).expect(200);
  return {
    agent,
    session: res.body,
    email,
    password: PASSWORD,
    organisationId,
    membershipId: String(membership._id),
  };
}

export async function createApiKey(owner: Teammate, scopes: string[], name = `Key ${unique()}`) {
  const res = await owner.agent.post('/api/v1/api-keys').send({ name, scopes }).expect(201);
  return res.body as CreatedApiKeyResponse;
}

/** Invites `email` as `role` through the API, as `inviter` (who must be allowed to). */
export async function inviteTeammate(inviter: Teammate, role: Role = 'viewer', email = uniqueEmail('invitee')) {
  const res = await inviter.agent.post('/api/v1/invitations').send({ email, role }).expect(201);
  return res.body as Invitation;
}
