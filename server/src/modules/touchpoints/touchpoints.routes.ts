import {
  CreateTouchpointBody,
  TouchpointParams,
  TouchpointResponse,
  TouchpointsResponse,
  UpdateTouchpointBody,
} from '@pulse/shared/schemas/touchpoints';

import type { Api } from '../auth/access';
import { presentTouchpoint } from './touchpoints.presenter';
import {
  createTouchpoint,
  deleteTouchpoint,
  getTouchpoint,
  listTouchpoints,
  updateTouchpoint,
} from './touchpoints.service';

export function registerTouchpointRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/touchpoints',
    summary: 'Touchpoints in journey order, with their distribution rules',
    tags: ['touchpoints'],
    access: { permission: 'distribution.read' },
    responses: { 200: { description: 'Touchpoints', schema: TouchpointsResponse } },
    handler: async ({ ctx }, _req, res) => {
      res.json({ touchpoints: (await listTouchpoints(ctx)).map(presentTouchpoint) });
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/touchpoints',
    summary: 'Create a touchpoint (its key is what other systems send)',
    tags: ['touchpoints'],
    access: { permission: 'distribution.write' },
    body: CreateTouchpointBody,
    responses: { 201: { description: 'Created', schema: TouchpointResponse } },
    handler: async ({ body, ctx }, _req, res) => {
      res.status(201).json({ touchpoint: presentTouchpoint(await createTouchpoint(ctx, body)) });
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/touchpoints/:touchpointId',
    summary: 'One touchpoint and its rules',
    tags: ['touchpoints'],
    access: { permission: 'distribution.read' },
    params: TouchpointParams,
    responses: { 200: { description: 'The touchpoint', schema: TouchpointResponse } },
    handler: async ({ params, ctx }, _req, res) => {
      res.json({ touchpoint: presentTouchpoint(await getTouchpoint(ctx, params.touchpointId)) });
    },
  });

  api.route({
    method: 'patch',
    path: '/api/v1/touchpoints/:touchpointId',
    summary: 'Rename, move in the journey, or change the distribution rules',
    tags: ['touchpoints'],
    access: { permission: 'distribution.write' },
    params: TouchpointParams,
    body: UpdateTouchpointBody,
    responses: { 200: { description: 'Updated', schema: TouchpointResponse } },
    handler: async ({ params, body, ctx }, _req, res) => {
      res.json({ touchpoint: presentTouchpoint(await updateTouchpoint(ctx, params.touchpointId, body)) });
    },
  });

  api.route({
    method: 'delete',
    path: '/api/v1/touchpoints/:touchpointId',
    summary: 'Delete a touchpoint; invitations already made keep their record',
    tags: ['touchpoints'],
    access: { permission: 'distribution.write' },
    params: TouchpointParams,
    responses: { 204: { description: 'Deleted' } },
    handler: async ({ params, ctx }, _req, res) => {
      await deleteTouchpoint(ctx, params.touchpointId);
      res.status(204).end();
    },
  });
}
