import { z } from 'zod';

import { ApiKeyScope } from '../permissions';
import { Id, singleLine } from './common';

export const ApiKey = z.object({
  id: Id,
  name: z.string(),
  /** The first characters of the key, so people can tell keys apart; never the secret. */
  prefix: z.string(),
  scopes: z.array(ApiKeyScope),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

export const ApiKeysResponse = z.object({ apiKeys: z.array(ApiKey) });

export const CreateApiKeyBody = z.strictObject({
  name: singleLine(100),
  scopes: z
    .array(ApiKeyScope)
    .min(1)
    .refine((s) => new Set(s).size === s.length, 'must not repeat a scope'),
});
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;

/** The only time the full key is ever shown. */
export const CreatedApiKeyResponse = z.object({ apiKey: ApiKey, secret: z.string() });
export type CreatedApiKeyResponse = z.infer<typeof CreatedApiKeyResponse>;

export const ApiKeyParams = z.strictObject({ apiKeyId: Id });

/** What a key can learn about itself: which organisation it acts for and with which scopes. */
export const ApiKeySelfResponse = z.object({ organisationId: Id, name: z.string(), scopes: z.array(ApiKeyScope) });
