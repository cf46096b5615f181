import { SessionResponse } from '@pulse/shared/schemas/auth';
import {
  AcceptInvitationBody,
  ChangeRoleBody,
  Invitation,
  InvitationParams,
  InvitationPreview,
  InvitationPreviewQuery,
  InviteBody,
  Member,
  MemberParams,
  MembersResponse,
  ResentInvitation,
} from '@pulse/shared/schemas/members';

import type { SessionFeatures } from '@pulse/shared/schemas/auth';
import type { RequestHandler } from 'express';

import type { Api } from '../auth/access';
import { describeCurrentSession, startSession } from '../auth/session';
import { presentInvitation, presentMember } from './members.presenter';
import {
  acceptInvitation,
  changeRole,
  invite,
  listMembers,
  previewInvitation,
  removeMember,
  resendInvitation,
  revokeInvitation,
} from './members.service';

export function registerMemberRoutes(
  api: Api,
  deps: {
    features: SessionFeatures;
    limits: { accept: RequestHandler[]; invite: RequestHandler[]; resend: RequestHandler[] };
  },
): void {
  api.route({
    method: 'get',
    path: '/api/v1/members',
    summary: 'Teammates and pending invitations',
    tags: ['team'],
    access: { permission: 'members.read' },
    responses: { 200: { description: 'The team', schema: MembersResponse } },
    handler: async ({ ctx }, _req, res) => {
      const { members, invitations } = await listMembers(ctx);
      res.json({ members: members.map(presentMember), invitations: invitations.map(presentInvitation) });
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/invitations',
    summary: 'Invite a teammate by email',
    tags: ['team'],
    access: { permission: 'members.manage' },
    before: deps.limits.invite,
    body: InviteBody,
    responses: { 201: { description: 'Invitation sent', schema: Invitation } },
    handler: async ({ body, ctx }, _req, res) => {
      res.status(201).json(presentInvitation(await invite(ctx, body)));
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/invitations/:invitationId/resend',
    summary: 'Send a pending invitation again, with a new link that replaces the old one',
    tags: ['team'],
    access: { permission: 'members.manage' },
    before: deps.limits.resend,
    params: InvitationParams,
    responses: { 201: { description: 'Invitation sent again', schema: ResentInvitation } },
    handler: async ({ params, ctx }, _req, res) => {
      const fresh = await resendInvitation(ctx, params);
      res.status(201).json({ invitation: presentInvitation(fresh), url: fresh.url });
    },
  });

  api.route({
    method: 'delete',
    path: '/api/v1/invitations/:invitationId',
    summary: 'Revoke a pending invitation',
    tags: ['team'],
    access: { permission: 'members.manage' },
    params: InvitationParams,
    responses: { 204: { description: 'Revoked' } },
    handler: async ({ params, ctx }, _req, res) => {
      await revokeInvitation(ctx, params);
      res.status(204).end();
    },
  });

  api.route({
    method: 'patch',
    path: '/api/v1/members/:memberId',
    summary: "Change a teammate's role",
    tags: ['team'],
    access: { permission: 'members.manage' },
    params: MemberParams,
    body: ChangeRoleBody,
    responses: { 200: { description: 'The teammate with the new role', schema: Member } },
    handler: async ({ params, body, ctx }, _req, res) => {
      res.json(presentMember(await changeRole(ctx, { memberId: params.memberId, role: body.role })));
    },
  });

  api.route({
    method: 'delete',
    path: '/api/v1/members/:memberId',
    summary: 'Remove a teammate; their sessions in this organisation stop working at once',
    tags: ['team'],
    access: { permission: 'members.manage' },
    params: MemberParams,
    responses: { 204: { description: 'Removed' } },
    handler: async ({ params, ctx }, _req, res) => {
      await removeMember(ctx, params);
      res.status(204).end();
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/invitations/preview',
    summary: 'What an invitation link is for, before accepting it',
    tags: ['team'],
    access: 'public',
    query: InvitationPreviewQuery,
    responses: { 200: { description: 'The invitation', schema: InvitationPreview } },
    handler: async ({ query, ctx }, _req, res) => res.json(await previewInvitation(ctx, query)),
  });

  api.route({
    method: 'post',
    path: '/api/v1/invitations/accept',
    summary: 'Accept an invitation and sign in',
    tags: ['team'],
    access: 'public',
    // With an existing account this checks its password: throttled exactly like log-in.
    before: deps.limits.accept,
    body: AcceptInvitationBody,
    responses: { 200: { description: 'Signed in as a member', schema: SessionResponse } },
    handler: async ({ body, ctx }, req, res) => {
      await startSession(req, await acceptInvitation(ctx, body));
      res.json(await describeCurrentSession(req, deps.features));
    },
  });
}
