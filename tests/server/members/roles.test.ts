import type request from 'supertest';

import { MembershipModel } from '../../../server/src/modules/members/membership.model';
import {
  addTeammate,
  createApiKey,
  inviteTeammate,
  signUpOwner,
  uniqueEmail,
  type Teammate,
} from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { call, fillPath, isPublic, nameOf, operationsOf, unknownId } from '../support/operations';
import { exampleBody } from '../support/examples';
import { snapshotOrganisation } from '../support/snapshot';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** What any signed-in teammate may do to their own account, whatever their role. */
const SELF_SERVICE = [
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/resend-verification',
  'POST /api/v1/auth/switch-organisation',
  // Renders an unsaved draft as the respondent would see it; stores nothing, so readers may.
  'POST /api/v1/survey-preview',
  // One's own digest: every teammate may choose what lands in their inbox.
  'PUT /api/v1/digests/me',
  'DELETE /api/v1/digests/me',
  'POST /api/v1/digests/me/preview',
];

/** An organisation with one teammate of each role, a pending invitation and an API key. */
async function buildTeam() {
  const owner = await signUpOwner(h.app);
  const [admin, editor, viewer] = [
    await addTeammate(h.app, owner.organisationId, 'admin'),
    await addTeammate(h.app, owner.organisationId, 'editor'),
    await addTeammate(h.app, owner.organisationId, 'viewer'),
  ];
  const invitation = await inviteTeammate(owner, 'editor');
  const { apiKey } = await createApiKey(owner, ['surveys:read']);
  return { owner, admin, editor, viewer, invitation, apiKey };
}

const errorCode = (res: { body: { error?: { code: string } } }) => res.body.error?.code;
const roleOf = async (t: Teammate) =>
  (await MembershipModel.findOne({ _id: t.membershipId, organisationId: t.organisationId }).lean())?.role;

/** Runs each attempt in turn: every one must answer 403 forbidden. */
async function expectAllForbidden(attempts: Record<string, () => PromiseLike<request.Response>>) {
  const answers = [];
  for (const [what, attempt] of Object.entries(attempts)) {
    const res = await attempt();
    answers.push({ what, status: res.status, code: errorCode(res) });
  }
  expect(answers).toEqual(Object.keys(attempts).map((what) => ({ what, status: 403, code: 'forbidden' })));
}

/**
 * After racing owners demote or remove each other, at least one owner is left: which of the two
 * wins depends on timing (both may be refused), but every refusal is a 409 and every success shows.
 */
async function expectOwnerLeft(organisationId: string, answers: Array<{ status: number }>) {
  const owners = await MembershipModel.countDocuments({ organisationId, role: 'owner' });
  expect(owners).toBeGreaterThanOrEqual(1);
  const refused = answers.filter((r) => r.status === 409).length;
  expect(answers.length - refused).toBe(2 - owners);
  expect(answers.every((r) => r.status < 300 || r.status === 409)).toBe(true);
}

describe('what each role may change', () => {
  it('when a viewer calls any operation that changes the organisation, then it answers 403 forbidden and nothing changes', async () => {
    const team = await buildTeam();
    // Real ids and valid bodies: without the role check each call would succeed, not fail validation.
    const ids = { memberId: team.editor.membershipId, invitationId: team.invitation.id, apiKeyId: team.apiKey.id };
    const operations = (await operationsOf(h.app)).filter(
      (op) => op.method !== 'get' && !isPublic(op) && !SELF_SERVICE.includes(nameOf(op)),
    );
    expect(operations.length).toBeGreaterThanOrEqual(7);
    const before = await snapshotOrganisation(team.owner.organisationId);

    const answers = [];
    for (const op of operations) {
      // The guard answers before validation, so an operation without an example body here still
      // has to say 403 forbidden (a missing role check would answer 400 or 2xx, and fail).
      const body = op.hasBody ? (exampleBody(op) ?? {}) : undefined;
      // Ids this team has; any other parameter gets an id of nothing: the guard answers first.
      const params = Object.fromEntries([...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, unknownId()]));
      const res = await call(team.viewer.agent, op, fillPath(op, { ...params, ...ids }), body);
      answers.push({ op: nameOf(op), status: res.status, code: errorCode(res) });
    }
    expect(answers).toEqual(operations.map((op) => ({ op: nameOf(op), status: 403, code: 'forbidden' })));
    expect(await snapshotOrganisation(team.owner.organisationId)).toEqual(before);
  });

  it('when an editor manages members or API keys, then it answers 403 forbidden and nothing changes', async () => {
    const { owner, editor, viewer, invitation, apiKey } = await buildTeam();
    const before = await snapshotOrganisation(owner.organisationId);
    await expectAllForbidden({
      invite: () => editor.agent.post('/api/v1/invitations').send({ email: uniqueEmail(), role: 'viewer' }),
      'change a role': () => editor.agent.patch(`/api/v1/members/${viewer.membershipId}`).send({ role: 'editor' }),
      'remove a member': () => editor.agent.delete(`/api/v1/members/${viewer.membershipId}`),
      'revoke an invitation': () => editor.agent.delete(`/api/v1/invitations/${invitation.id}`),
      'list API keys': () => editor.agent.get('/api/v1/api-keys'),
      'create an API key': () =>
        editor.agent.post('/api/v1/api-keys').send({ name: 'Editor key', scopes: ['surveys:read'] }),
      'revoke an API key': () => editor.agent.delete(`/api/v1/api-keys/${apiKey.id}`),
    });
    expect(await snapshotOrganisation(owner.organisationId)).toEqual(before);
  });

  it('when an admin tries to make someone owner or to change or remove an owner, then it answers 403 and nothing changes', async () => {
    const { owner, admin, editor } = await buildTeam();
    const before = await snapshotOrganisation(owner.organisationId);
    await expectAllForbidden({
      'make an editor owner': () => admin.agent.patch(`/api/v1/members/${editor.membershipId}`).send({ role: 'owner' }),
      'demote the owner': () => admin.agent.patch(`/api/v1/members/${owner.membershipId}`).send({ role: 'viewer' }),
      'remove the owner': () => admin.agent.delete(`/api/v1/members/${owner.membershipId}`),
      'invite an owner': () => admin.agent.post('/api/v1/invitations').send({ email: uniqueEmail(), role: 'owner' }),
    });
    expect(await snapshotOrganisation(owner.organisationId)).toEqual(before);

    // The refusals are about ownership: the same admin manages an editor.
    await admin.agent.patch(`/api/v1/members/${editor.membershipId}`).send({ role: 'viewer' }).expect(200);
    expect(await roleOf(editor)).toBe('viewer');
  });

  it('when someone changes their own role, then it answers 403 and the role stays', async () => {
    const { owner, admin } = await buildTeam();
    for (const [who, role] of [
      [owner, 'admin'],
      [admin, 'viewer'],
    ] as const) {
      const res = await who.agent.patch(`/api/v1/members/${who.membershipId}`).send({ role }).expect(403);
      expect(errorCode(res)).toBe('forbidden');
    }
    expect(await roleOf(owner)).toBe('owner');
    expect(await roleOf(admin)).toBe('admin');
  });

  it('when the last owner would be removed, then it answers 409 and the organisation keeps its owner', async () => {
    const owner = await signUpOwner(h.app);
    const res = await owner.agent.delete(`/api/v1/members/${owner.membershipId}`).expect(409);
    expect(errorCode(res)).toBe('conflict');
    expect(await roleOf(owner)).toBe('owner');

    // With a second owner, demoting one leaves a last owner who again cannot leave.
    const second = await addTeammate(h.app, owner.organisationId, 'owner');
    await owner.agent.patch(`/api/v1/members/${second.membershipId}`).send({ role: 'admin' }).expect(200);
    await owner.agent.delete(`/api/v1/members/${owner.membershipId}`).expect(409);
    expect(await MembershipModel.countDocuments({ organisationId: owner.organisationId, role: 'owner' })).toBe(1);
  });

  it('when two owners demote each other at the same moment, then the organisation still has an owner', async () => {
    const first = await signUpOwner(h.app);
    const second = await addTeammate(h.app, first.organisationId, 'owner');
    const answers = await Promise.all([
      first.agent.patch(`/api/v1/members/${second.membershipId}`).send({ role: 'admin' }),
      second.agent.patch(`/api/v1/members/${first.membershipId}`).send({ role: 'admin' }),
    ]);
    await expectOwnerLeft(first.organisationId, answers);
  });

  it('when two owners remove each other at the same moment, then the organisation still has an owner', async () => {
    const first = await signUpOwner(h.app);
    const second = await addTeammate(h.app, first.organisationId, 'owner');
    const answers = await Promise.all([
      first.agent.delete(`/api/v1/members/${second.membershipId}`),
      second.agent.delete(`/api/v1/members/${first.membershipId}`),
    ]);
    await expectOwnerLeft(first.organisationId, answers);
  });
});

describe('role changes and removals apply at once', () => {
  it('when an admin is demoted to viewer, then their very next request to create an API key answers 403', async () => {
    const { owner, admin } = await buildTeam();
    await admin.agent
      .post('/api/v1/api-keys')
      .send({ name: 'Before', scopes: ['surveys:read'] })
      .expect(201);
    await owner.agent.patch(`/api/v1/members/${admin.membershipId}`).send({ role: 'viewer' }).expect(200);
    const res = await admin.agent
      .post('/api/v1/api-keys')
      .send({ name: 'After', scopes: ['surveys:read'] })
      .expect(403);
    expect(errorCode(res)).toBe('forbidden');
    expect((await admin.agent.get('/api/v1/auth/session').expect(200)).body.role).toBe('viewer');
  });

  it('when a viewer is promoted to admin, then their very next request may list API keys', async () => {
    const { owner, viewer } = await buildTeam();
    await viewer.agent.get('/api/v1/api-keys').expect(403);
    await owner.agent.patch(`/api/v1/members/${viewer.membershipId}`).send({ role: 'admin' }).expect(200);
    await viewer.agent.get('/api/v1/api-keys').expect(200);
  });

  it('when a member is removed, then their session answers 401 at once and they can no longer sign in to the organisation', async () => {
    const { owner, editor } = await buildTeam();
    await editor.agent.get('/api/v1/auth/session').expect(200);
    await owner.agent.delete(`/api/v1/members/${editor.membershipId}`).expect(204);

    const res = await editor.agent.get('/api/v1/members').expect(401);
    expect(errorCode(res)).toBe('unauthenticated');
    await editor.agent.get('/api/v1/auth/session').expect(401);
    expect(
      await MembershipModel.countDocuments({ organisationId: owner.organisationId, _id: editor.membershipId }),
    ).toBe(0);
    const login = await editor.agent
      .post('/api/v1/auth/login')
      .send({ email: editor.email, password: editor.password });
    expect(login.status).toBe(403);
  });
});
