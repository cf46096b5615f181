import type { ApiKeyScope } from '@pulse/shared/permissions';

/** What each scope lets the holder do, in the words of someone wiring up an integration. */
export const SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  'interactions:write': 'Send customer interactions that trigger surveys',
  'responses:read': 'Read survey responses and scores',
  'responses:write': 'Record scores collected elsewhere (in-app, phone, kiosk)',
  'surveys:read': 'Read survey definitions',
};
