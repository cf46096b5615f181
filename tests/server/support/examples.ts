import { blankDefinition } from '@pulse/shared/surveys/blank';

import { uniqueEmail } from '../../factories/accounts';
import { nameOf, type Operation } from './operations';

/**
 * One valid example body per operation that takes one, for every test that walks the API's
 * operations (the route × tenant matrix, the role walks). Valid on purpose: were a tenant or role
 * check missing, the call would succeed instead of failing validation, and the test would see it.
 * A new operation with a body joins this table.
 */
const BODIES: Record<string, () => object> = {
  'POST /api/v1/invitations': () => ({ email: uniqueEmail(), role: 'viewer' }),
  'PATCH /api/v1/members/{memberId}': () => ({ role: 'viewer' }),
  'POST /api/v1/api-keys': () => ({ name: 'Example key', scopes: ['surveys:read'] }),
  'PATCH /api/v1/organisation': () => ({ name: 'Renamed' }),
  'PATCH /api/v1/touchpoints/{touchpointId}': () => ({ name: 'Renamed' }),
  'PUT /api/v1/surveys/{surveyId}/draft': () => ({ revision: 0, definition: blankDefinition('nps') }),
  'POST /api/v1/surveys/{surveyId}/publish': () => ({ revision: 0 }),
  'PATCH /api/v1/alert-rules/{ruleId}': () => ({ name: 'Renamed' }),
  'POST /api/v1/alert-rules/preview': () => ({ groups: [[{ field: 'band', in: ['detractor'] }]] }),
  'PATCH /api/v1/cases/{caseId}': () => ({ tags: ['moved'] }),
  'POST /api/v1/cases/{caseId}/status': () => ({ from: 'new', status: 'open' }),
  'POST /api/v1/cases/{caseId}/close': () => ({ rootCause: 'other', resolved: false }),
  'POST /api/v1/cases/{caseId}/notes': () => ({ text: 'A note' }),
  'POST /api/v1/cases/{caseId}/reply': () => ({ subject: 'Hello', message: 'Sorry' }),
  'PATCH /api/v1/webhooks/{endpointId}': () => ({ description: 'Renamed' }),
  'POST /api/v1/webhooks/{endpointId}/recover': () => ({ since: '2026-01-01T00:00:00.000Z' }),
  'PUT /api/v1/sla/policies/{policyId}': () => ({
    name: 'Renamed',
    clock: '24/7',
    firstResponseMinutes: 60,
    resolutionMinutes: 240,
    escalations: [],
  }),
  'POST /api/v1/teams': () => ({ name: `Team ${uniqueEmail()}` }),
  'PATCH /api/v1/teams/{teamId}': () => ({ name: 'Renamed' }),
  // No team of the caller's is named: the rule's id is what is under test, its body only valid in shape.
  'PUT /api/v1/assignment-rules/{ruleId}': () => ({
    name: 'Renamed',
    attribute: { key: 'region', value: 'EU' },
    teamId: '000000000000000000000000',
  }),
  'PUT /api/v1/digests/me': () => ({ frequency: 'weekly', hour: 8, timeZone: 'Europe/Paris' }),
  'POST /api/v1/digests/me/preview': () => ({ frequency: 'weekly', hour: 8, timeZone: 'Europe/Paris' }),
  'POST /api/v1/digests/recipients': () => ({
    email: uniqueEmail(),
    frequency: 'weekly',
    hour: 8,
    timeZone: 'Europe/Paris',
  }),
  'PATCH /api/v1/digests/recipients/{subscriptionId}': () => ({ hour: 9 }),
};

/** The example body of `op`, or undefined when the table has none. */
export const exampleBody = (op: Pick<Operation, 'method' | 'path'>): object | undefined => BODIES[nameOf(op)]?.();

/** Path parameters that are not ids (a version number): held at a value every survey has. */
export const FIXED_PARAMS: Record<string, string> = { version: '1' };
