import request from 'supertest';

import { createApiKey, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import {
  call,
  fillPath,
  isPublic,
  nameOf,
  openApiOf,
  operationsOf,
  unknownId,
  type Operation,
} from '../support/operations';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** Making an operation public is a deliberate change: it has to be added here too. */
const PUBLIC = [
  'GET /healthz',
  'GET /readyz',
  'GET /api/openapi.json',
  'GET /api/v1/system/config',
  'POST /api/v1/auth/signup',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/verify-email',
  'POST /api/v1/auth/password-reset/request',
  'POST /api/v1/auth/password-reset/complete',
  'GET /api/v1/invitations/preview',
  'POST /api/v1/invitations/accept',
  // A shared results link: aggregates only, behind an unguessable token, rate limited.
  'GET /api/v1/shared-results/{token}',
];

/** Any id for any path parameter, and `{}` for any body: credentials are checked before input. */
function anyRequest(op: Operation, client = request(h.app)) {
  const url = fillPath(op, Object.fromEntries(op.pathParams.map((p) => [p, unknownId()])));
  return call(client, op, url, op.hasBody || op.method !== 'get' ? {} : undefined);
}

async function protectedOperations() {
  const operations = (await operationsOf(h.app)).filter((op) => !isPublic(op));
  // Members, invitations, API keys, audit log, organisation, session...: far more than a handful.
  expect(operations.length).toBeGreaterThanOrEqual(15);
  return operations;
}

describe('the OpenAPI document’s security', () => {
  it('requires the session cookie or an API key for every operation unless it says otherwise', async () => {
    const doc = await openApiOf(h.app);
    expect(doc.security).toEqual([{ sessionCookie: [] }, { apiKey: [] }]);
    expect(doc.components?.securitySchemes).toEqual({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'pulse.sid' },
      apiKey: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
  });

  it('makes public exactly the health, metrics, OpenAPI, sign-up, log-in, email-link, invitation and shared-results operations', async () => {
    const operations = await operationsOf(h.app);
    expect(operations.filter(isPublic).map(nameOf).sort()).toEqual([...PUBLIC].sort());
    // Every other operation states its requirement instead of inheriting it by accident.
    const unstated = operations.filter((op) => !isPublic(op) && !op.security?.length).map(nameOf);
    expect(unstated).toEqual([]);
  });

  it('when a non-public operation is called without credentials, then it answers 401 unauthenticated', async () => {
    const operations = await protectedOperations();
    const answers = [];
    for (const op of operations) {
      const res = await anyRequest(op);
      answers.push({ op: nameOf(op), status: res.status, code: res.body.error?.code });
    }
    expect(answers).toEqual(operations.map((op) => ({ op: nameOf(op), status: 401, code: 'unauthenticated' })));
  });

  it('when the Bearer token is garbage, an unknown key or a real key with a wrong secret, then every non-public operation answers 401', async () => {
    const operations = await protectedOperations();
    const forged = [
      'garbage',
      `pulse_${unknownId()}_${'A'.repeat(32)}`,
      // A real key's id with someone else's secret.
      `${(await createApiKey(await signUpOwner(h.app), ['surveys:read'])).secret.slice(0, 30)}_${'B'.repeat(32)}`,
    ];
    for (const token of forged) {
      const answers = [];
      for (const op of operations) {
        const res = await anyRequest(op, request(h.app)).set('Authorization', `Bearer ${token}`);
        answers.push({ token, op: nameOf(op), status: res.status, code: res.body.error?.code });
      }
      expect(answers).toEqual(
        operations.map((op) => ({ token, op: nameOf(op), status: 401, code: 'unauthenticated' })),
      );
    }
  });

  it('when a signed-in teammate also sends a garbage Bearer token, then the token wins and the call answers 401', async () => {
    const owner = await signUpOwner(h.app);
    await owner.agent.get('/api/v1/auth/session').expect(200);
    const res = await owner.agent.get('/api/v1/auth/session').set('Authorization', 'Bearer garbage').expect(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});
