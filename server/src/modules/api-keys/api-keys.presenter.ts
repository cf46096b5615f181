import type { ApiKey } from '@pulse/shared/schemas/api-keys';
import type { ApiKeyScope } from '@pulse/shared/permissions';

import type { listApiKeys } from './api-keys.service';

type Stored = Awaited<ReturnType<typeof listApiKeys>>[number];

/** Never the hash: a key's secret exists only in the response that created it. */
export const presentApiKey = (k: Stored): ApiKey => ({
  id: String(k._id),
  name: k.name,
  prefix: k.prefix,
  scopes: k.scopes as ApiKeyScope[],
  createdBy: k.createdByName,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});
