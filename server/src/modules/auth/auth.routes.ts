import { z } from 'zod';

import {
  ChangePasswordBody,
  LoginBody,
  MyOrganisationsResponse,
  PasswordResetCompleteBody,
  PasswordResetRequestBody,
  SessionResponse,
  SignupBody,
  type SessionFeatures,
  SwitchOrganisationBody,
  TokenBody,
} from '@pulse/shared/schemas/auth';

import type { RequestHandler } from 'express';

import { userActor } from '../../lib/context';
import { audit } from '../audit/audit.service';
import type { Api } from './access';
import { describeSession, listMyOrganisations, login, signup, switchOrganisation } from './auth.service';
import {
  changePassword,
  completePasswordReset,
  requestPasswordReset,
  sendVerification,
  verifyEmail,
} from './credentials.service';
import { userOf } from './principal';
import { describeCurrentSession, endSession, endSessionsOf, startSession } from './session';
import { SESSION_COOKIE } from './session-cookie';

export interface AuthRouteDeps {
  features: SessionFeatures;
  limits: Record<'login' | 'signup' | 'resendVerification' | 'resetRequest' | 'resetComplete', RequestHandler[]>;
}

const Accepted = { description: 'Accepted', schema: z.object({ status: z.literal('accepted') }) };

export function registerAuthRoutes(api: Api, deps: AuthRouteDeps): void {
  api.route({
    method: 'post',
    path: '/api/v1/auth/signup',
    summary:
      'Create an organisation and its owner; answers the same whether or not the address has an account, and the mail says which',
    tags: ['auth'],
    access: 'public',
    before: deps.limits.signup,
    body: SignupBody,
    responses: { 202: { ...Accepted, description: 'Check your inbox for the next step' } },
    handler: async ({ body, ctx }, _req, res) => {
      await signup(ctx, body);
      res.status(202).json({ status: 'accepted' });
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/auth/login',
    summary: 'Sign in with email and password',
    tags: ['auth'],
    access: 'public',
    before: deps.limits.login,
    body: LoginBody,
    responses: { 200: { description: 'Signed in', schema: SessionResponse } },
    handler: async ({ body, ctx }, req, res) => {
      await startSession(req, await login(ctx, body));
      res.json(await describeCurrentSession(req, deps.features));
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Sign out: the session ends on the server, not only in this browser',
    tags: ['auth'],
    access: { permission: 'org.read' },
    responses: { 204: { description: 'Signed out' } },
    handler: async ({ ctx }, req, res) => {
      await endSession(req);
      await audit(ctx, 'auth.logout', userActor(ctx).email);
      res.clearCookie(SESSION_COOKIE).status(204).end();
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/auth/session',
    summary: 'Who is signed in, in which organisation, with which permissions',
    tags: ['auth'],
    access: { permission: 'org.read' },
    responses: { 200: { description: 'The current session', schema: SessionResponse } },
    handler: async (_input, req, res) => res.json(await describeSession(userOf(req), deps.features)),
  });

  api.route({
    method: 'post',
    path: '/api/v1/auth/verify-email',
    summary: 'Confirm an email address with the emailed token',
    tags: ['auth'],
    access: 'public',
    body: TokenBody,
    responses: { 204: { description: 'Confirmed' } },
    handler: async ({ body, ctx }, _req, res) => {
      await verifyEmail(ctx, body);
      res.status(204).end();
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/auth/resend-verification',
    summary: 'Send the email confirmation link again',
    tags: ['auth'],
    access: { permission: 'org.read' },
    before: deps.limits.resendVerification,
    responses: { 202: Accepted },
    handler: async ({ ctx }, _req, res) => {
      await sendVerification(ctx, { userId: userActor(ctx).userId });
      res.status(202).json({ status: 'accepted' });
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/auth/password-reset/request',
    summary: 'Email a password reset link (answers the same whether or not the account exists)',
    tags: ['auth'],
    access: 'public',
    before: deps.limits.resetRequest,
    body: PasswordResetRequestBody,
    responses: { 202: Accepted },
    handler: async ({ body, ctx }, _req, res) => {
      await requestPasswordReset(ctx, body);
      res.status(202).json({ status: 'accepted' });
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/auth/password-reset/complete',
    summary: 'Set a new password with the emailed token; every session of the account ends',
    tags: ['auth'],
    access: 'public',
    before: deps.limits.resetComplete,
    body: PasswordResetCompleteBody,
    responses: { 204: { description: 'Password changed' } },
    handler: async ({ body, ctx }, req, res) => {
      const { userId } = await completePasswordReset(ctx, body);
      await endSessionsOf(req, userId, { keepCurrent: false });
      res.status(204).end();
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/auth/password',
    summary: 'Change your password; your other sessions end and this one gets a new id',
    tags: ['auth'],
    access: { permission: 'org.read' },
    before: deps.limits.login,
    body: ChangePasswordBody,
    responses: { 204: { description: 'Password changed' } },
    handler: async ({ body, ctx }, req, res) => {
      const user = userActor(ctx);
      await changePassword(ctx, body);
      await endSessionsOf(req, user.userId, { keepCurrent: true });
      await startSession(req, {
        userId: user.userId,
        organisationId: ctx.organisationId,
        membershipId: user.membershipId,
      });
      res.status(204).end();
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/auth/organisations',
    summary: 'The organisations you belong to',
    tags: ['auth'],
    access: { permission: 'org.read' },
    responses: { 200: { description: 'Your organisations', schema: MyOrganisationsResponse } },
    handler: async ({ ctx }, _req, res) => res.json({ organisations: await listMyOrganisations(ctx) }),
  });

  api.route({
    method: 'post',
    path: '/api/v1/auth/switch-organisation',
    summary: 'Continue in another organisation you belong to (the session id is rotated)',
    tags: ['auth'],
    access: { permission: 'org.read' },
    body: SwitchOrganisationBody,
    responses: { 200: { description: 'The session in that organisation', schema: SessionResponse } },
    handler: async ({ body, ctx }, req, res) => {
      await startSession(req, await switchOrganisation(ctx, body));
      res.json(await describeCurrentSession(req, deps.features));
    },
  });
}
