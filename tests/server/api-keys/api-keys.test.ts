import { createHmac } from 'node:crypto';

import request from 'supertest';

import { ApiKeysResponse, CreatedApiKeyResponse } from '@pulse/shared/schemas/api-keys';

import { ApiKeyModel } from '../../../server/src/modules/api-keys/api-key.model';
import { AuditEventModel } from '../../../server/src/modules/audit/audit-event.model';
import { createApiKey, signUpOwner, type Teammate } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { call, fillPath, isPublic, nameOf, operationsOf, unknownId } from '../support/operations';
import { snapshotOrganisation } from '../support/snapshot';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const KEY_FORMAT = /^pulse_([a-f0-9]{24})_([A-Za-z0-9_-]{32})$/;

const storedKey = (owner: Teammate, id: string) =>
  ApiKeyModel.findOne({ _id: id, organisationId: owner.organisationId }).lean();

const asKey = (secret: string) => ({ Authorization: `Bearer ${secret}` });

describe('creating an API key', () => {
  it('shows the secret in the creation response only, never in the list', async () => {
    const owner = await signUpOwner(h.app);
    const res = await owner.agent
      .post('/api/v1/api-keys')
      .send({ name: 'CRM sync', scopes: ['interactions:write', 'responses:read'] })
      .expect(201);
    const created = CreatedApiKeyResponse.parse(res.body);
    expect(created.secret).toMatch(KEY_FORMAT);
    expect(created.apiKey).toMatchObject({
      name: 'CRM sync',
      scopes: ['interactions:write', 'responses:read'],
      createdBy: owner.session.user.name,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(created.secret.startsWith(created.apiKey.prefix)).toBe(true);

    const list = await owner.agent.get('/api/v1/api-keys').expect(200);
    expect(ApiKeysResponse.parse(list.body).apiKeys).toEqual([created.apiKey]);
    const secretPart = KEY_FORMAT.exec(created.secret)![2]!;
    expect(JSON.stringify(list.body)).not.toContain(secretPart);
  });

  it('stores only an HMAC of the secret: the secret appears nowhere in the stored document', async () => {
    const owner = await signUpOwner(h.app);
    const { apiKey, secret } = await createApiKey(owner, ['surveys:read']);
    const [, id, secretPart] = KEY_FORMAT.exec(secret)!;
    expect(id).toBe(apiKey.id);

    const stored = await storedKey(owner, apiKey.id);
    expect(stored!.hash).toBe(createHmac('sha256', h.config.SECRET_KEY).update(secretPart!).digest('base64url'));
    const text = JSON.stringify(stored);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secretPart);
  });

  it('records apikey.created with its scopes, and apikey.revoked, in the audit log', async () => {
    const owner = await signUpOwner(h.app);
    const { apiKey } = await createApiKey(owner, ['responses:read', 'surveys:read'], 'Audited key');
    await owner.agent.delete(`/api/v1/api-keys/${apiKey.id}`).expect(204);

    await h.eventsSettled();
    const events = await AuditEventModel.find({ organisationId: owner.organisationId, target: 'Audited key' })
      .sort({ _id: 1 })
      .lean();
    expect(events.map((e) => ({ action: e.action, actor: e.actorLabel, details: e.details ?? {} }))).toEqual([
      { action: 'apikey.created', actor: owner.email, details: { scopes: 'responses:read surveys:read' } },
      { action: 'apikey.revoked', actor: owner.email, details: {} },
    ]);
  });
});

describe('calling with an API key', () => {
  it('authenticates as a Bearer token: /api-keys/self names the organisation and scopes, and lastUsedAt is set', async () => {
    const owner = await signUpOwner(h.app);
    const { apiKey, secret } = await createApiKey(owner, ['interactions:write'], 'Widget');
    expect((await storedKey(owner, apiKey.id))!.lastUsedAt).toBeNull();

    const self = await request(h.app).get('/api/v1/api-keys/self').set(asKey(secret)).expect(200);
    expect(self.body).toEqual({ organisationId: owner.organisationId, name: 'Widget', scopes: ['interactions:write'] });

    const lastUsedAt = (await storedKey(owner, apiKey.id))!.lastUsedAt;
    expect(lastUsedAt).toBeInstanceOf(Date);
    expect(Date.now() - lastUsedAt!.getTime()).toBeLessThan(60_000);
    const listed = await owner.agent.get('/api/v1/api-keys').expect(200);
    expect(listed.body.apiKeys[0].lastUsedAt).toBe(lastUsedAt!.toISOString());
  });

  it('when a key calls an operation meant for signed-in teammates only, then it answers 403 forbidden and changes nothing', async () => {
    const owner = await signUpOwner(h.app);
    const { secret } = await createApiKey(owner, ['interactions:write', 'responses:read', 'surveys:read']);
    const sessionOnly = (await operationsOf(h.app)).filter(
      (op) => !isPublic(op) && !op.security?.some((requirement) => 'apiKey' in requirement),
    );
    expect(sessionOnly.map(nameOf)).toEqual(
      expect.arrayContaining(['GET /api/v1/members', 'POST /api/v1/api-keys', 'GET /api/v1/auth/session']),
    );
    // Used once first: lastUsedAt moves at most once a minute, so the snapshot below stays still.
    await request(h.app).get('/api/v1/api-keys/self').set(asKey(secret)).expect(200);
    const before = await snapshotOrganisation(owner.organisationId);

    const answers = [];
    for (const op of sessionOnly) {
      const url = fillPath(op, Object.fromEntries(op.pathParams.map((p) => [p, unknownId()])));
      const res = await call(request(h.app), op, url, op.method === 'get' ? undefined : {}).set(asKey(secret));
      answers.push({ op: nameOf(op), status: res.status, code: res.body.error?.code });
    }
    expect(answers).toEqual(sessionOnly.map((op) => ({ op: nameOf(op), status: 403, code: 'forbidden' })));
    expect(await snapshotOrganisation(owner.organisationId)).toEqual(before);
  });

  it('when any character of the key is changed, then it answers 401 unauthenticated', async () => {
    const owner = await signUpOwner(h.app);
    const { secret } = await createApiKey(owner, ['surveys:read']);
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'a' ? 'b' : 'a') + s.slice(i + 1);
    const tampered = [
      flip(secret, secret.length - 1), // the secret
      flip(secret, 'pulse_'.length + 23), // the id
      secret.replace(/^pulse_/, 'pulsf_'), // the prefix
      secret.slice(0, -1), // one character short
    ];
    for (const token of tampered) {
      const res = await request(h.app).get('/api/v1/api-keys/self').set(asKey(token));
      expect({ token, status: res.status, code: res.body.error?.code }).toEqual({
        token,
        status: 401,
        code: 'unauthenticated',
      });
    }
    await request(h.app).get('/api/v1/api-keys/self').set(asKey(secret)).expect(200);
  });

  it('when the key is revoked, then its very next call answers 401 and the list shows when it was revoked', async () => {
    const owner = await signUpOwner(h.app);
    const { apiKey, secret } = await createApiKey(owner, ['surveys:read']);
    await request(h.app).get('/api/v1/api-keys/self').set(asKey(secret)).expect(200);

    await owner.agent.delete(`/api/v1/api-keys/${apiKey.id}`).expect(204);
    const res = await request(h.app).get('/api/v1/api-keys/self').set(asKey(secret)).expect(401);
    expect(res.body.error.code).toBe('unauthenticated');
    const listed = await owner.agent.get('/api/v1/api-keys').expect(200);
    expect(listed.body.apiKeys[0]).toMatchObject({ id: apiKey.id, revokedAt: expect.any(String) });
    await owner.agent.delete(`/api/v1/api-keys/${apiKey.id}`).expect(404);
  });

  it('when a signed-in teammate calls /api-keys/self, then it answers 403: it describes keys, not people', async () => {
    const owner = await signUpOwner(h.app);
    const res = await owner.agent.get('/api/v1/api-keys/self').expect(403);
    expect(res.body.error.code).toBe('forbidden');
  });
});
