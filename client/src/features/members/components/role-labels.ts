import { canAssignRole, Role } from '@pulse/shared/permissions';

import { ROLE_LABELS } from '../../../lib/labels';

/** One line on what each role is for, shown where a role is chosen. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including handing out ownership',
  admin: 'Manages the team, API keys and settings',
  editor: 'Builds and edits surveys, reads results',
  viewer: 'Reads surveys and results',
};

/** Options for a NativeSelect; roles the actor may not hand out stay visible but disabled. */
export const roleOptions = (actor: Role) =>
  Role.options.map((role) => ({ value: role, label: ROLE_LABELS[role], disabled: !canAssignRole(actor, role) }));
