import { z } from 'zod';

import {
  CreatedWebhookEndpointResponse,
  CreateWebhookEndpointBody,
  RecoverWebhookBody,
  RecoverWebhookResponse,
  UpdateWebhookEndpointBody,
  WebhookDeliveriesResponse,
  WebhookDelivery,
  WebhookDeliveryParams,
  WebhookEndpointParams,
  WebhookEndpointResponse,
  WebhookEndpointsResponse,
} from '@pulse/shared/schemas/webhooks';

import type { Api } from '../auth/access';
import { presentDelivery, presentEndpoint } from './webhooks.presenter';
import {
  createEndpoint,
  deleteEndpoint,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  recoverSince,
  resendDelivery,
  rotateSecret,
  sendTestMessage,
  updateEndpoint,
} from './webhooks.service';

export function registerWebhookRoutes(api: Api): void {
  const access = { permission: 'webhooks.manage' } as const;
  const tags = ['webhooks'];
  api.route({
    method: 'get',
    path: '/api/v1/webhooks',
    summary: 'Webhook endpoints (Standard Webhooks)',
    tags,
    access,
    responses: { 200: { description: 'Endpoints', schema: WebhookEndpointsResponse } },
    handler: async ({ ctx }, _req, res) => {
      res.json({ endpoints: (await listEndpoints(ctx)).map(presentEndpoint) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/webhooks',
    summary: 'Add an endpoint; the answer holds its signing secret, shown this once',
    tags,
    access,
    body: CreateWebhookEndpointBody,
    responses: { 201: { description: 'Created, with the secret', schema: CreatedWebhookEndpointResponse } },
    handler: async ({ ctx, body }, _req, res) => {
      const { endpoint, secret } = await createEndpoint(ctx, body);
      res.status(201).json({ endpoint: presentEndpoint(endpoint), secret });
    },
  });
  api.route({
    method: 'patch',
    path: '/api/v1/webhooks/:endpointId',
    summary: 'Change an endpoint, or enable it again after a 410',
    tags,
    access,
    params: WebhookEndpointParams,
    body: UpdateWebhookEndpointBody,
    responses: { 200: { description: 'Updated', schema: WebhookEndpointResponse } },
    handler: async ({ ctx, params, body }, _req, res) => {
      res.json({ endpoint: presentEndpoint(await updateEndpoint(ctx, params.endpointId, body)) });
    },
  });
  api.route({
    method: 'get',
    path: '/api/v1/webhooks/:endpointId',
    summary: 'One endpoint',
    tags,
    access,
    params: WebhookEndpointParams,
    responses: { 200: { description: 'The endpoint', schema: WebhookEndpointResponse } },
    handler: async ({ ctx, params }, _req, res) => {
      res.json({ endpoint: presentEndpoint(await getEndpoint(ctx, params.endpointId)) });
    },
  });
  api.route({
    method: 'delete',
    path: '/api/v1/webhooks/:endpointId',
    summary: 'Delete an endpoint; pending deliveries to it fail',
    tags,
    access,
    params: WebhookEndpointParams,
    responses: { 204: { description: 'Deleted' } },
    handler: async ({ ctx, params }, _req, res) => {
      await deleteEndpoint(ctx, params.endpointId);
      res.status(204).end();
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/webhooks/:endpointId/test',
    summary: 'Send a webhook.test message to the endpoint',
    tags,
    access,
    params: WebhookEndpointParams,
    responses: { 202: { description: 'Queued', schema: z.object({ messageId: z.string() }) } },
    handler: async ({ ctx, params }, _req, res) => {
      res.status(202).json({ messageId: await sendTestMessage(ctx, params.endpointId) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/webhooks/:endpointId/rotate-secret',
    summary: 'A new signing secret, shown this once; the old one also signs for 24 hours',
    tags,
    access,
    params: WebhookEndpointParams,
    responses: { 200: { description: 'Rotated, with the new secret', schema: CreatedWebhookEndpointResponse } },
    handler: async ({ ctx, params }, _req, res) => {
      const { endpoint, secret } = await rotateSecret(ctx, params.endpointId);
      res.json({ endpoint: presentEndpoint(endpoint), secret });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/webhooks/:endpointId/recover',
    summary: 'Send again every failed delivery made since a date',
    tags,
    access,
    params: WebhookEndpointParams,
    body: RecoverWebhookBody,
    responses: { 202: { description: 'Queued', schema: RecoverWebhookResponse } },
    handler: async ({ ctx, params, body }, _req, res) => {
      res.status(202).json({ resent: await recoverSince(ctx, params.endpointId, new Date(body.since)) });
    },
  });
  api.route({
    method: 'get',
    path: '/api/v1/webhooks/:endpointId/deliveries',
    summary: 'The delivery log: the last 100 messages, newest first',
    tags,
    access,
    params: WebhookEndpointParams,
    responses: { 200: { description: 'Deliveries', schema: WebhookDeliveriesResponse } },
    handler: async ({ ctx, params }, _req, res) => {
      res.json({ deliveries: (await listDeliveries(ctx, params.endpointId)).map(presentDelivery) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/webhooks/:endpointId/deliveries/:deliveryId/resend',
    summary: 'Send a delivered or failed message again (same id and body)',
    tags,
    access,
    params: WebhookDeliveryParams,
    responses: { 202: { description: 'Queued', schema: z.object({ delivery: WebhookDelivery }) } },
    handler: async ({ ctx, params }, _req, res) => {
      res
        .status(202)
        .json({ delivery: presentDelivery(await resendDelivery(ctx, params.endpointId, params.deliveryId)) });
    },
  });
}
