import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { checkAttributeTypes } from '../../../server/src/modules/contacts/contacts.service';
import { addTeammate, signUpOwner, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  // As an import leaves it: `region` registered as a string attribute.
  await checkAttributeTypes(ctx, [{ path: 'contact', attributes: { region: 'EU' } }]);
});
afterAll(() => h.close());

const userIdOf = (t: Teammate) => t.session.user.id;

async function createTeam(name: string, members: Teammate[]) {
  const res = await owner.agent
    .post('/api/v1/teams')
    .send({ name, memberIds: members.map(userIdOf) })
    .expect(201);
  return res.body.team as { id: string; name: string; memberIds: string[] };
}

async function openByHand(opts: Parameters<typeof answerAsContact>[2] = {}) {
  const r = await answerAsContact(ctx, 2, opts);
  const res = await owner.agent.post('/api/v1/cases').send({ responseId: r.responseId }).expect(201);
  return res.body.case as {
    id: string;
    teamId: string | null;
    assigneeId: string | null;
    timeline: { kind: string }[];
  };
}

describe('teams', () => {
  it('an admin creates, renames and deletes a team of members; an editor reads but may not write', async () => {
    const a = await addTeammate(h.app, owner.organisationId, 'editor');
    const team = await createTeam(`Support ${Date.now()}`, [a, owner]);
    expect(team.memberIds).toEqual([userIdOf(a), userIdOf(owner)]);

    const renamed = await owner.agent.patch(`/api/v1/teams/${team.id}`).send({ name: 'Billing' }).expect(200);
    expect(renamed.body.team).toMatchObject({ name: 'Billing', memberIds: team.memberIds });
    expect((await a.agent.get('/api/v1/teams').expect(200)).body.teams.map((t: { id: string }) => t.id)).toContain(
      team.id,
    );
    await a.agent.post('/api/v1/teams').send({ name: 'Mine', memberIds: [] }).expect(403);
    await a.agent.delete(`/api/v1/teams/${team.id}`).expect(403);

    const taken = await owner.agent.post('/api/v1/teams').send({ name: 'Billing' }).expect(409);
    expect(taken.body.error.details[0].path).toBe('body.name');

    await owner.agent.delete(`/api/v1/teams/${team.id}`).expect(204);
    await owner.agent.get(`/api/v1/teams/${team.id}`).expect(404);
  });

  it('when a member is a user of another organisation, then it answers 400 at that member and stores nothing', async () => {
    const stranger = await signUpOwner(h.app);
    const name = `Mixed ${Date.now()}`;
    const res = await owner.agent
      .post('/api/v1/teams')
      .send({ name, memberIds: [userIdOf(owner), userIdOf(stranger)] })
      .expect(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.memberIds.1' }] });
    const twice = await owner.agent
      .post('/api/v1/teams')
      .send({ name, memberIds: [userIdOf(owner), userIdOf(owner)] })
      .expect(400);
    expect(twice.body.error.details[0].path).toBe('body.memberIds');
    const teams = (await owner.agent.get('/api/v1/teams').expect(200)).body.teams as { name: string }[];
    expect(teams.map((t) => t.name)).not.toContain(name);
    // Another organisation's team is not there for this one.
    const theirs = await stranger.agent.post('/api/v1/teams').send({ name: 'Theirs' }).expect(201);
    await owner.agent.get(`/api/v1/teams/${theirs.body.team.id}`).expect(404);
  });
});

describe('assignment rules', () => {
  it('hands the cases of a touchpoint to the team members in turn: six cases opened at once, two each', async () => {
    const members = await Promise.all([1, 2, 3].map(() => addTeammate(h.app, owner.organisationId, 'editor')));
    const team = await createTeam(`Round robin ${Date.now()}`, members);
    const tp = await buildTouchpoint({ org: owner });
    await owner.agent
      .post('/api/v1/assignment-rules')
      .send({ name: 'Repairs', touchpointId: tp.id, teamId: team.id, strategy: 'round_robin' })
      .expect(201);

    const cases = await Promise.all([1, 2, 3, 4, 5, 6].map(() => openByHand({ touchpointId: tp.id })));
    expect(new Set(cases.map((c) => c.teamId))).toEqual(new Set([team.id]));
    const perMember = members.map((m) => cases.filter((c) => c.assigneeId === m.membershipId).length);
    expect(perMember).toEqual([2, 2, 2]);
    expect(cases[0]!.timeline.map((e) => e.kind)).toEqual(['created', 'team', 'assignee']);

    // In the team's order, one after the other.
    const next = [];
    for (let i = 0; i < 3; i++) next.push((await openByHand({ touchpointId: tp.id })).assigneeId);
    expect(new Set(next)).toEqual(new Set(members.map((m) => m.membershipId)));
  });

  it('matches on a contact attribute value, first rule by position wins, a fixed user takes every case, and no match leaves the case unassigned', async () => {
    const [eu1, eu2, other] = await Promise.all(
      [1, 2, 3].map(() => addTeammate(h.app, owner.organisationId, 'editor')),
    );
    const eu = await createTeam(`EU ${Date.now()}`, [eu1!, eu2!]);
    const fallback = await createTeam(`All ${Date.now()}`, [other!]);
    const tp = await buildTouchpoint({ org: owner });
    // Later position, broader match: tried second.
    await owner.agent
      .post('/api/v1/assignment-rules')
      .send({ name: 'Touchpoint', position: 20, touchpointId: tp.id, teamId: fallback.id })
      .expect(201);
    await owner.agent
      .post('/api/v1/assignment-rules')
      .send({
        name: 'Europe',
        position: 10,
        attribute: { key: 'region', value: 'EU' },
        teamId: eu.id,
        strategy: 'fixed',
        userId: userIdOf(eu2!),
      })
      .expect(201);

    const europe = await Promise.all(
      [1, 2].map(() => openByHand({ touchpointId: tp.id, attributes: { region: 'EU' } })),
    );
    expect(europe.map((c) => [c.teamId, c.assigneeId])).toEqual([
      [eu.id, eu2!.membershipId],
      [eu.id, eu2!.membershipId],
    ]);
    const us = await openByHand({ touchpointId: tp.id, attributes: { region: 'US' } });
    expect([us.teamId, us.assigneeId]).toEqual([fallback.id, other!.membershipId]);
    const elsewhere = await openByHand({ attributes: { region: 'US' } });
    expect([elsewhere.teamId, elsewhere.assigneeId]).toEqual([null, null]);
  });

  it('refuses a rule matching nothing, a fixed rule without a user, an unknown attribute, team or stranger with their paths', async () => {
    const team = await createTeam(`Checks ${Date.now()}`, [owner]);
    const stranger = await signUpOwner(h.app);
    const post = (body: object) => owner.agent.post('/api/v1/assignment-rules').send({ name: 'R', ...body });
    const cases: [object, string][] = [
      [{ teamId: team.id }, 'body.touchpointId'],
      [{ attribute: { key: 'region', value: 'EU' }, teamId: team.id, strategy: 'fixed' }, 'body.userId'],
      [{ attribute: { key: 'regoin', value: 'EU' }, teamId: team.id }, 'body.attribute.key'],
      [{ attribute: { key: 'region', value: 3 }, teamId: team.id }, 'body.attribute.value'],
      [{ attribute: { key: 'region', value: 'EU' }, teamId: '0123456789abcdef01234567' }, 'body.teamId'],
      [
        { attribute: { key: 'region', value: 'EU' }, teamId: team.id, strategy: 'fixed', userId: userIdOf(stranger) },
        'body.userId',
      ],
    ];
    for (const [body, path] of cases) {
      const res = await post(body).expect(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const editor = await addTeammate(h.app, owner.organisationId, 'editor');
    await editor.agent
      .post('/api/v1/assignment-rules')
      .send({ name: 'R', attribute: { key: 'region', value: 'EU' }, teamId: team.id })
      .expect(403);
  });
});

describe('the case inbox by team', () => {
  it('"team" lists the open cases of the reader\'s teams; the case page sets or clears the team', async () => {
    const [agent, outsider] = await Promise.all([1, 2].map(() => addTeammate(h.app, owner.organisationId, 'editor')));
    const team = await createTeam(`Inbox ${Date.now()}`, [agent!]);
    const c = await openByHand({ attributes: { region: 'nowhere' } });
    expect(c.teamId).toBeNull();

    const bad = await owner.agent
      .patch(`/api/v1/cases/${c.id}`)
      .send({ teamId: '0123456789abcdef01234567' })
      .expect(400);
    expect(bad.body.error.details[0].path).toBe('body.teamId');
    const set = await owner.agent.patch(`/api/v1/cases/${c.id}`).send({ teamId: team.id }).expect(200);
    expect(set.body.case.teamId).toBe(team.id);
    expect(set.body.case.timeline.at(-1)).toMatchObject({ kind: 'team', to: team.id });

    const ids = async (t: Teammate) =>
      ((await t.agent.get('/api/v1/cases?view=team').expect(200)).body.cases as { id: string }[]).map((x) => x.id);
    expect(await ids(agent!)).toEqual([c.id]);
    expect(await ids(outsider!)).toEqual([]);

    await owner.agent.patch(`/api/v1/cases/${c.id}`).send({ teamId: null }).expect(200);
    expect(await ids(agent!)).toEqual([]);
  });
});
