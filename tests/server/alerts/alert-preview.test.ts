import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { ResponseModel } from '../../../server/src/modules/responses/response.model';
import { checkAttributeTypes } from '../../../server/src/modules/contacts/contacts.service';
import { signUpOwner, type Teammate } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  await checkAttributeTypes(ctx, [{ path: 'contact', attributes: { plan: 'pro' } }]);
});
afterAll(() => h.close());

describe('testing a rule draft against the last 30 days', () => {
  it('answers how many responses matched, with samples, and leaves out older ones', async () => {
    const late = await answerAsContact(ctx, 3);
    await late.comment('The technician was late');
    await answerAsContact(ctx, 2);
    await answerAsContact(ctx, 9);
    const old = await answerAsContact(ctx, 1);
    await old.comment('Also late');
    await ResponseModel.updateOne(
      { _id: old.responseId, organisationId: owner.organisationId },
      { $set: { answeredAt: new Date(Date.now() - 40 * 86_400_000) } },
    );

    const draft = { name: 'draft', groups: [[{ field: 'band', in: ['detractor'] }]], slaHours: 24 };
    const res = await owner.agent.post('/api/v1/alert-rules/preview').send(draft).expect(200);
    expect(res.body).toMatchObject({ days: 30, evaluated: 3, cap: 10_000, capped: false, matched: 2 });
    expect(res.body.samples.map((s: { score: number }) => s.score).sort()).toEqual([2, 3]);

    const keyword = await owner.agent
      .post('/api/v1/alert-rules/preview')
      .send({ groups: [[{ field: 'keywords', any: ['late'] }], [{ field: 'attribute', key: 'plan', in: ['free'] }]] })
      .expect(200);
    expect(keyword.body).toMatchObject({
      matched: 1,
      samples: [{ responseId: late.responseId, comment: 'The technician was late' }],
    });
    // A preview stores nothing.
    expect((await owner.agent.get('/api/v1/alert-rules').expect(200)).body.rules).toEqual([]);
  });

  it.each([
    ['no condition group', { groups: [] }, ['body.groups']],
    ['an empty group', { groups: [[]] }, ['body.groups.0']],
    ['an unknown attribute', { groups: [[{ field: 'attribute', key: 'plna', in: ['pro'] }]] }, ['body.groups.0.0.key']],
  ])('when the draft has %s, then it answers 400 with the field path', async (_what, body, paths) => {
    const res = await owner.agent.post('/api/v1/alert-rules/preview').send(body).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(paths);
  });
});
