import {
  ApiKeyParams,
  ApiKeySelfResponse,
  ApiKeysResponse,
  CreateApiKeyBody,
  CreatedApiKeyResponse,
} from '@pulse/shared/schemas/api-keys';

import { AppError } from '../../lib/errors';
import type { Api } from '../auth/access';
import { presentApiKey } from './api-keys.presenter';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service';

export function registerApiKeyRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/api-keys',
    summary: "The organisation's API keys (never their secrets)",
    tags: ['api keys'],
    access: { permission: 'apikeys.manage' },
    responses: { 200: { description: 'Keys, newest first', schema: ApiKeysResponse } },
    handler: async ({ ctx }, _req, res) => {
      const keys = await listApiKeys(ctx);
      res.json({ apiKeys: keys.map(presentApiKey) });
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/api-keys',
    summary: 'Create an API key; its secret is shown in this response only',
    tags: ['api keys'],
    access: { permission: 'apikeys.manage' },
    body: CreateApiKeyBody,
    responses: { 201: { description: 'The key and its secret', schema: CreatedApiKeyResponse } },
    handler: async ({ body, ctx }, _req, res) => {
      const created = await createApiKey(ctx, body);
      res.status(201).json({ apiKey: presentApiKey(created.apiKey), secret: created.secret });
    },
  });

  api.route({
    method: 'delete',
    path: '/api/v1/api-keys/:apiKeyId',
    summary: 'Revoke an API key; it stops working at once',
    tags: ['api keys'],
    access: { permission: 'apikeys.manage' },
    params: ApiKeyParams,
    responses: { 204: { description: 'Revoked' } },
    handler: async ({ params, ctx }, _req, res) => {
      await revokeApiKey(ctx, params);
      res.status(204).end();
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/api-keys/self',
    summary: 'Which organisation and scopes the calling API key has (to check an integration)',
    tags: ['api keys'],
    access: { permission: 'apikeys.manage', apiKeyScope: '*' },
    responses: { 200: { description: 'The calling key', schema: ApiKeySelfResponse } },
    handler: ({ ctx }, _req, res) => {
      if (ctx.actor.kind !== 'apiKey') throw new AppError('forbidden', 'Call this with an API key');
      res.json({ organisationId: ctx.organisationId, name: ctx.actor.name, scopes: ctx.actor.scopes });
    },
  });
}
