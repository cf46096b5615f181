import { AuditLogResponse } from '@pulse/shared/schemas/audit';

import { AuditEventModel } from '../../../server/src/modules/audit/audit-event.model';
import { addTeammate, createApiKey, inviteTeammate, signUpOwner, type Teammate } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

async function actions(t: Teammate, query: Record<string, string>) {
  await h.eventsSettled();
  const res = await t.agent.get('/api/v1/audit-log').query(query).expect(200);
  return AuditLogResponse.parse(res.body).events.map((e) => e.action);
}

describe('audit log filters', () => {
  it('when filtered by action, then only that action is listed', async () => {
    const owner = await signUpOwner(h.app);
    await inviteTeammate(owner, 'viewer');
    await inviteTeammate(owner, 'editor');
    await createApiKey(owner, ['surveys:read']);
    expect(await actions(owner, { action: 'member.invited' })).toEqual(['member.invited', 'member.invited']);
  });

  it('when filtered by person, then only what that teammate did is listed', async () => {
    const owner = await signUpOwner(h.app);
    const admin = await addTeammate(h.app, owner.organisationId, 'admin');
    await inviteTeammate(admin, 'viewer');
    await createApiKey(owner, ['surveys:read']);
    expect(await actions(owner, { actorId: admin.session.user.id })).toEqual(['member.invited', 'auth.login']);
    expect(await actions(owner, { actorId: owner.session.user.id })).toEqual([
      'apikey.created',
      'auth.login',
      'auth.signup',
    ]);
  });

  it('when filtered by time, then from is inclusive and to exclusive', async () => {
    const owner = await signUpOwner(h.app);
    await inviteTeammate(owner, 'viewer');
    // Move the sign-up two days back, as if it had happened then.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await AuditEventModel.updateOne(
      { organisationId: owner.organisationId, action: 'auth.signup' },
      { $set: { at: twoDaysAgo } },
    );
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    expect(await actions(owner, { from: yesterday })).toEqual(['member.invited', 'auth.login']);
    expect(await actions(owner, { to: yesterday })).toEqual(['auth.signup']);
    expect(await actions(owner, { from: twoDaysAgo.toISOString(), to: yesterday })).toEqual(['auth.signup']);
  });

  it('when a filter is malformed, then it answers 400 naming the field', async () => {
    const owner = await signUpOwner(h.app);
    for (const [field, value] of [
      ['action', 'member.exploded'],
      ['actorId', 'not-an-id'],
      ['from', 'yesterday'],
    ]) {
      const res = await owner.agent
        .get('/api/v1/audit-log')
        .query({ [field!]: value })
        .expect(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(`query.${field}`);
    }
  });
});
