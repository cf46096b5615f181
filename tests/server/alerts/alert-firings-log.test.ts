import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
});
afterAll(() => h.close());

interface Firing {
  responseId: string;
  score: number | null;
  band: string | null;
  touchpointKey: string | null;
  comment: string | null;
  caseId: string | null;
  emails: { to: string; state: string }[];
}

describe("a rule's firings", () => {
  it('lists each firing with its response, case and mails, newest first, a page at a time', async () => {
    const manager = uniqueEmail('manager');
    const rule = await owner.agent
      .post('/api/v1/alert-rules')
      .send({
        name: 'Detractors',
        groups: [[{ field: 'band', in: ['detractor'] }]],
        channels: { emails: [manager] },
        openCase: true,
        slaHours: 24,
      })
      .expect(201);
    const ruleId = rule.body.rule.id as string;
    const answered: Awaited<ReturnType<typeof answerAsContact>>[] = [];
    for (const score of [1, 2, 3]) {
      const r = await answerAsContact(ctx, score);
      await h.eventsSettled();
      answered.push(r);
    }
    await answered[0]!.comment('Nobody called back');
    await h.eventsSettled();
    await waitForMail(manager, 3);
    // The mail job marks a mail sent just after handing it over: wait for the document to say so.
    for (;;) {
      const states = await EmailModel.find({ organisationId: owner.organisationId, to: manager }).lean();
      if (states.length === 3 && states.every((m) => m.state === 'sent')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const first = await owner.agent.get(`/api/v1/alert-rules/${ruleId}/firings?limit=2`).expect(200);
    const page1 = first.body.firings as Firing[];
    expect(page1.map((f) => f.responseId)).toEqual([answered[2]!.responseId, answered[1]!.responseId]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await owner.agent
      .get(`/api/v1/alert-rules/${ruleId}/firings?limit=2&cursor=${first.body.nextCursor as string}`)
      .expect(200);
    expect(second.body.nextCursor).toBeNull();
    const [oldest] = second.body.firings as Firing[];
    const cases = (await owner.agent.get('/api/v1/cases?view=all').expect(200)).body.cases as {
      id: string;
      responseId: string;
    }[];
    expect(oldest).toMatchObject({
      responseId: answered[0]!.responseId,
      score: 1,
      band: 'detractor',
      touchpointKey: 'repair_visit',
      // As the response is now: the comment came after the firing.
      comment: 'Nobody called back',
      caseId: cases.find((c) => c.responseId === answered[0]!.responseId)?.id,
      emails: [{ to: manager, state: 'sent', detail: null }],
    });
  });

  it('refuses a page size out of range, a forged cursor and an unknown parameter with their paths', async () => {
    const rule = await owner.agent
      .post('/api/v1/alert-rules')
      .send({ name: 'Any', groups: [[{ field: 'hasComment' }]], openCase: false, slaHours: 24 })
      .expect(201);
    const url = `/api/v1/alert-rules/${rule.body.rule.id as string}/firings`;
    for (const [query, path] of [
      ['limit=0', 'query.limit'],
      ['limit=101', 'query.limit'],
      ['cursor=yesterday', 'query.cursor'],
      ['page=2', 'query'],
    ]) {
      const res = await owner.agent.get(`${url}?${query}`).expect(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });
});
