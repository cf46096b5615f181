import { Types } from 'mongoose';

import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { CaseModel } from '../../../server/src/modules/cases/case.model';
import { signUpOwner, type Teammate } from '../../factories/accounts';
import { answerAs } from '../../factories/closed-loop';
import { buildContact } from '../../factories/distribution';
import { buildSurvey, type BuiltSurvey } from '../../factories/surveys';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;
let survey: BuiltSurvey;
const TP_A = new Types.ObjectId().toHexString();
const TP_B = new Types.ObjectId().toHexString();

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  survey = await buildSurvey({ org: owner.organisationId, kind: 'nps' });
});
afterAll(() => h.close());

const answer = (contactId: string, score: number, touchpointId = TP_A) =>
  answerAs(ctx, survey, contactId, score, touchpointId);

const contact = async () => (await buildContact({ org: owner.organisationId })).id;
const openCase = async (responseId: string) =>
  (await owner.agent.post('/api/v1/cases').send({ responseId }).expect(201)).body.case.id as string;
const close = (caseId: string) =>
  owner.agent.post(`/api/v1/cases/${caseId}/close`).send({ rootCause: 'service', resolved: true }).expect(200);
const setSla = (caseId: string, resolutionDueAt: Date) =>
  CaseModel.collection.updateOne(
    { _id: new Types.ObjectId(caseId) },
    {
      $set: {
        sla: {
          policyId: null,
          clock: '24/7',
          firstResponseDueAt: null,
          resolutionDueAt,
          firstRespondedAt: null,
          breachedAt: null,
        },
      },
    },
  );

describe('the closed-loop report', () => {
  it('recovery figure matches a hand-computed example', async () => {
    /*
     * The dataset (NPS, all answered today at touchpoint A unless said; "→" = the next answer):
     *   closed loop  C1: 3, case closed → 9 (promoter: better)
     *                C2: 5, case closed → 7 (passive: better)
     *                C3: 2, case closed → 4 (still a detractor: not better)
     *                C4: 6, case closed, reopened, closed again; no later answer (awaiting)
     *   no case      N1: 4 → 8 (better)   N2: 1 → 3 (not)   N3: 6 → 0 (not)   N4: 5 → 2 (not)
     *   open case    O1: 3 at touchpoint B, case left open → 10: in neither group
     *
     * Closed loop: n = 3 answered again (C1–C3), 2 better → 2/3 = 0.6667, awaiting 1.
     *   Wilson, z = 1.96, z² = 3.8416: centre = (0.6667 + 3.8416/6) / (1 + 3.8416/3) = 1.3069/2.2805
     *   = 0.5731; half = (1.96/2.2805)·√(0.6667·0.3333/3 + 3.8416/36) = 0.8595·√0.18078 = 0.3654
     *   → [0.2077, 0.9385].
     * No case: n = 4, 1 better → 0.25, awaiting 0; Wilson → [0.0456, 0.6994].
     * Difference: 66.67 − 25 = 41.67 points; pooled p = 3/7, z = 0.4167/√(3/7·4/7·(1/3 + 1/4))
     *   = 0.4167/0.3780 = 1.102, p = 0.270 (not significant).
     * Detractors: 9 first answers + the 4 detractor follow-ups (C3's 4, N2's 3, N3's 0, N4's 2) = 13,
     *   5 with a case (C1–C4, O1). Within SLA: every case gets a resolution due time when it opens
     *   (no policy here: the case's own hours on the 24/7 clock); C1 due tomorrow and closed
     *   (within), C2 moved to due in 2000 (late), C3 and C4 closed at once (within), O1 open and
     *   not due (undecided) → 3 of 4. Reopened: 1 (C4) of the 4 closed.
     */
    const closedLoop: [number, number | null][] = [
      [3, 9],
      [5, 7],
      [2, 4],
      [6, null],
    ];
    const caseIds: string[] = [];
    for (const [first, next] of closedLoop) {
      const c = await contact();
      const caseId = await openCase(await answer(c, first));
      await close(caseId);
      caseIds.push(caseId);
      if (next !== null) await answer(c, next);
    }
    const c4 = caseIds[3]!;
    await owner.agent.post(`/api/v1/cases/${c4}/status`).send({ from: 'closed', status: 'open' }).expect(200);
    await close(c4);
    for (const [first, next] of [
      [4, 8],
      [1, 3],
      [6, 0],
      [5, 2],
    ] as const) {
      const c = await contact();
      await answer(c, first);
      await answer(c, next);
    }
    const o1 = await contact();
    const openId = await openCase(await answer(o1, 3, TP_B));
    await answer(o1, 10, TP_B);
    await setSla(caseIds[0]!, new Date(Date.now() + 86_400_000));
    await setSla(caseIds[1]!, new Date('2000-01-01T00:00:00Z'));
    await setSla(openId, new Date(Date.now() + 86_400_000));

    const res = await owner.agent.get('/api/v1/closed-loop').expect(200);
    const { overall } = res.body;
    expect(overall.recovery.closedLoop).toMatchObject({ n: 3, count: 2, awaiting: 1 });
    expect(overall.recovery.closedLoop.share).toBeCloseTo(2 / 3, 10);
    expect(overall.recovery.closedLoop.interval.low).toBeCloseTo(0.2077, 4);
    expect(overall.recovery.closedLoop.interval.high).toBeCloseTo(0.9385, 4);
    expect(overall.recovery.noCase).toMatchObject({ n: 4, count: 1, share: 0.25, awaiting: 0 });
    expect(overall.recovery.noCase.interval.low).toBeCloseTo(0.0456, 4);
    expect(overall.recovery.noCase.interval.high).toBeCloseTo(0.6994, 4);
    expect(overall.recovery.difference.points).toBeCloseTo(41.667, 3);
    expect(overall.recovery.difference.pValue).toBeCloseTo(0.27, 2);
    expect(overall.recovery.difference.significant).toBe(false);

    expect(overall.detractors).toBe(13);
    expect(overall.withCase).toMatchObject({ n: 13, count: 5 });
    expect(overall.withinSla).toMatchObject({ n: 4, count: 3, share: 0.75 });
    expect(overall.reopened).toMatchObject({ n: 4, count: 1, share: 0.25 });
    expect(overall.close.n).toBe(4);
    expect(overall.firstResponse).toMatchObject({ n: 0, medianHours: null, p90Hours: null });
    expect(res.body.methods.share).toMatch(/Wilson/);

    // Per touchpoint: B holds only O1's open case, so it has no one in either recovery group.
    const b = res.body.touchpoints.find((t: { touchpointId: string }) => t.touchpointId === TP_B);
    expect(b).toMatchObject({ detractors: 1, withCase: { n: 1, count: 1 } });
    expect(b.recovery.closedLoop.n + b.recovery.noCase.n).toBe(0);
    const onlyB = await owner.agent.get(`/api/v1/closed-loop?touchpointId=${TP_B}`).expect(200);
    expect(onlyB.body.overall.detractors).toBe(1);
  });

  it('answers 400 with the field path to a reversed period or a malformed touchpoint', async () => {
    const reversed = await owner.agent.get('/api/v1/closed-loop?from=2026-03-02&to=2026-03-01').expect(400);
    expect(reversed.body.error.details[0].path).toBe('query.from');
    const bad = await owner.agent.get('/api/v1/closed-loop?touchpointId=nope').expect(400);
    expect(bad.body.error.details[0].path).toBe('query.touchpointId');
  });

  it("another organisation's report counts none of these answers", async () => {
    const other = await signUpOwner(h.app);
    const res = await other.agent.get('/api/v1/closed-loop').expect(200);
    expect(res.body.overall.detractors).toBe(0);
    expect(res.body.overall.recovery.closedLoop.n).toBe(0);
  });
});
