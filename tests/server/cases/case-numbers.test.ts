import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { openCase } from '../../../server/src/modules/cases/cases.service';
import { signUpOwner } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness();
  const owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  h.startWorker();
});
afterAll(() => h.close());

it('when 20 cases open at once, then they get 20 distinct numbers, 1 to 20', async () => {
  const answers = [];
  for (let i = 0; i < 20; i++) answers.push(await answerAsContact(ctx, 1));
  const opened = await Promise.all(
    answers.map((a) => openCase(ctx, { responseId: a.responseId, ruleId: null, priority: 'normal', slaHours: 24 })),
  );
  expect(opened.map((c) => c.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  // Opening one again keeps its number.
  const again = await openCase(ctx, {
    responseId: answers[3]!.responseId,
    ruleId: null,
    priority: 'normal',
    slaHours: 24,
  });
  expect(again.number).toBe(opened[3]!.number);
});
