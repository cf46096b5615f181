import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { AlertFiringModel } from '../../../server/src/modules/alerts/alert-firing.model';
import { signUpOwner, type Teammate } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;
const ids: Record<string, string> = {};

const rule = (name: string, overrides: object) => ({
  name,
  openCase: false,
  slaHours: 24,
  ...overrides,
});

// Created out of order on purpose: `order`, not creation, decides.
beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  const rules = [
    rule('Any low score', { order: 30, groups: [[{ field: 'score', max: 6 }]] }),
    rule('Very unhappy', { order: 10, stopAfter: true, groups: [[{ field: 'score', max: 2 }]] }),
    rule('Detractors', { order: 20, groups: [[{ field: 'band', in: ['detractor'] }]] }),
  ];
  for (const body of rules) {
    const res = await owner.agent.post('/api/v1/alert-rules').send(body).expect(201);
    ids[body.name] = res.body.rule.id;
  }
});
afterAll(() => h.close());

const firedRules = async (responseId: string) => {
  const firings = await AlertFiringModel.find({ organisationId: owner.organisationId, responseId }).lean();
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return firings.map((f) => names[String(f.ruleId)]).sort();
};

describe('priority between overlapping rules', () => {
  it('lists rules in their explicit order', async () => {
    const res = await owner.agent.get('/api/v1/alert-rules').expect(200);
    expect(res.body.rules.map((r: { name: string }) => r.name)).toEqual([
      'Very unhappy',
      'Detractors',
      'Any low score',
    ]);
  });

  it('when a response matches a rule flagged "stop after this rule", then the rules after it are not evaluated', async () => {
    const r = await answerAsContact(ctx, 1);
    await h.eventsSettled();
    expect(await firedRules(r.responseId)).toEqual(['Very unhappy']);
  });

  it('when the flagged rule does not match, then every later matching rule fires, in order', async () => {
    const r = await answerAsContact(ctx, 5);
    await h.eventsSettled();
    expect(await firedRules(r.responseId)).toEqual(['Any low score', 'Detractors']);
  });

  it('when the order changes, then a response is evaluated in the new order', async () => {
    // "Detractors" moves first and stops: a score of 1 no longer reaches "Very unhappy".
    const patched = await owner.agent
      .patch(`/api/v1/alert-rules/${ids.Detractors}`)
      .send({ order: 0, stopAfter: true })
      .expect(200);
    // Only what was sent changed: the rule still opens no case (not the creation default).
    expect(patched.body.rule).toMatchObject({ order: 0, stopAfter: true, openCase: false, delivery: 'immediate' });
    const r = await answerAsContact(ctx, 1);
    await h.eventsSettled();
    expect(await firedRules(r.responseId)).toEqual(['Detractors']);
  });
});
