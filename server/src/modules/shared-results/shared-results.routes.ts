import type { RequestHandler } from 'express';

import {
  CreatedSharedLinkResponse,
  CreateSharedLinkBody,
  SharedLink,
  SharedLinkParams,
  SharedLinksResponse,
  SharedResultsParams,
  SharedResultsResponse,
} from '@pulse/shared/schemas/shared-results';
import { z } from 'zod';

import type { Access, Api } from '../auth/access';
import { presentSharedLink } from './shared-results.presenter';
import { sharedResults } from './shared-results.read';
import { createSharedLink, listSharedLinks, openSharedLink, revokeSharedLink } from './shared-results.service';

/** Publishing the organisation's figures to anyone holding a link is an admin's decision. */
const MANAGE: Access = { permission: 'org.manage' };

export function registerSharedResultRoutes(api: Api, deps: { limit: RequestHandler[] }): void {
  api.route({
    method: 'post',
    path: '/api/v1/shared-links',
    summary: 'Create a read-only link to a dashboard selection; the token is shown once',
    tags: ['shared results'],
    access: MANAGE,
    body: CreateSharedLinkBody,
    responses: { 201: { description: 'The link and its token', schema: CreatedSharedLinkResponse } },
    handler: async ({ ctx, body }, _req, res) => {
      const { link, token } = await createSharedLink(ctx, body);
      res.status(201).json({ link: presentSharedLink(link), token });
    },
  });
  api.route({
    method: 'get',
    path: '/api/v1/shared-links',
    summary: "The organisation's shared links, newest first (no tokens)",
    tags: ['shared results'],
    access: MANAGE,
    responses: { 200: { description: 'The links', schema: SharedLinksResponse } },
    handler: async ({ ctx }, _req, res) => res.json({ links: (await listSharedLinks(ctx)).map(presentSharedLink) }),
  });
  api.route({
    method: 'delete',
    path: '/api/v1/shared-links/:linkId',
    summary: 'Revoke a shared link: its page answers 404 from then on',
    tags: ['shared results'],
    access: MANAGE,
    params: SharedLinkParams,
    responses: { 200: { description: 'The revoked link', schema: z.object({ link: SharedLink }) } },
    handler: async ({ ctx, params }, _req, res) =>
      res.json({ link: presentSharedLink(await revokeSharedLink(ctx, params.linkId)) }),
  });
  api.route({
    method: 'get',
    path: '/api/v1/shared-results/:token',
    summary: 'The aggregates a shared link shows, without signing in (rate limited; 404 when revoked or expired)',
    tags: ['shared results'],
    access: 'public',
    params: SharedResultsParams,
    before: deps.limit,
    responses: { 200: { description: 'Aggregates only; small groups suppressed', schema: SharedResultsResponse } },
    handler: async ({ ctx, params }, _req, res) => {
      const opened = await openSharedLink(ctx, params.token);
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Robots-Tag', 'noindex');
      res.json(await sharedResults(opened.ctx, opened.link));
    },
  });
}
