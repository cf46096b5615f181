import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { checkAttributeTypes } from '../../../server/src/modules/contacts/contacts.service';
import { addTeammate, signUpOwner, type Teammate } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  await checkAttributeTypes(ctx, [{ path: 'contact', attributes: { region: 'EU' } }]);
});
afterAll(() => h.close());

const team = async (name: string, members: Teammate[]) =>
  (
    await owner.agent
      .post('/api/v1/teams')
      .send({ name: `${name} ${Date.now()}`, memberIds: members.map((m) => m.session.user.id) })
      .expect(201)
  ).body.team as { id: string };

async function caseFor(region: string) {
  const r = await answerAsContact(ctx, 2, { attributes: { region } });
  const res = await owner.agent.post('/api/v1/cases').send({ responseId: r.responseId }).expect(201);
  return res.body.case as { teamId: string | null; assigneeId: string | null };
}

describe('changing an assignment rule', () => {
  it('when a rule is replaced, then new cases follow the new rule; a refused change leaves the rule as it was', async () => {
    const [first, second] = await Promise.all([1, 2].map(() => addTeammate(h.app, owner.organisationId, 'editor')));
    const support = await team('Support', [first!]);
    const billing = await team('Billing', [second!]);
    const created = await owner.agent
      .post('/api/v1/assignment-rules')
      .send({ name: 'Europe', position: 10, attribute: { key: 'region', value: 'EU' }, teamId: support.id })
      .expect(201);
    const ruleId = created.body.rule.id as string;
    expect(await caseFor('EU')).toEqual(expect.objectContaining({ teamId: support.id }));

    const replaced = {
      name: 'Europe to billing',
      position: 5,
      touchpointId: null,
      attribute: { key: 'region', value: 'EU' },
      teamId: billing.id,
      strategy: 'fixed',
      userId: second!.session.user.id,
    };
    const res = await owner.agent.put(`/api/v1/assignment-rules/${ruleId}`).send(replaced).expect(200);
    expect(res.body.rule).toMatchObject(replaced);
    expect(await caseFor('EU')).toEqual(
      expect.objectContaining({ teamId: billing.id, assigneeId: second!.membershipId }),
    );

    const refused = await owner.agent
      .put(`/api/v1/assignment-rules/${ruleId}`)
      .send({ ...replaced, name: 'Broken', userId: null })
      .expect(400);
    expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain('body.userId');
    const rules = (await owner.agent.get('/api/v1/assignment-rules').expect(200)).body.rules as { id: string }[];
    expect(rules.find((r) => r.id === ruleId)).toMatchObject({ name: 'Europe to billing' });

    const stranger = await signUpOwner(h.app);
    await stranger.agent.put(`/api/v1/assignment-rules/${ruleId}`).send(replaced).expect(404);
    await stranger.agent.delete(`/api/v1/assignment-rules/${ruleId}`).expect(404);
  });
});
