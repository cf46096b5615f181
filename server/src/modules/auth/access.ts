import type { ApiKeyScope, Permission } from '@pulse/shared/permissions';

import type { ApiRegistry } from '../../lib/api';

/**
 * Who may call a non-public operation: a signed-in teammate whose role grants `permission`, or,
 * when `apiKeyScope` is set, also an API key holding that scope ('*': any valid key).
 */
export interface Access {
  permission: Permission;
  apiKeyScope?: ApiKeyScope | '*';
}

export type Api = ApiRegistry<Access>;
