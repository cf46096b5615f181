import { fc, it as fcIt } from '@fast-check/jest';
import { Types } from 'mongoose';
import request from 'supertest';

import { localDay } from '@pulse/shared/metrics/time-buckets';
import type { RollupChanged } from '@pulse/shared/schemas/analytics';

import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { DomainEventModel, type DomainEvent } from '../../../server/src/lib/events/event.model';
import { observationOfEvent, rollupResponseChange } from '../../../server/src/modules/analytics/analytics.events';
import { createLiveHub } from '../../../server/src/modules/analytics/analytics.live';
import { storedResponses } from '../../../server/src/modules/analytics/response-source';
import { withLease } from '../../../server/src/lib/lease';
import { RollupModel } from '../../../server/src/modules/analytics/rollup.model';
import type { Observation } from '../../../server/src/modules/analytics/rollup-keys';
import {
  applyScoreChange,
  ensureSeries,
  monthLease,
  placeOf,
  recordInLedger,
} from '../../../server/src/modules/analytics/rollups.service';
import { OrganisationModel } from '../../../server/src/modules/organisations/organisation.model';
import { recordScore } from '../../../server/src/modules/responses/responses.service';
import { signUpOwner } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { recompute, storedRollups } from '../../factories/observations';
import { buildInvitation } from '../../factories/responses';
import { buildSurvey } from '../../factories/surveys';
import { startHarness, type Harness } from '../../setup/harness';
import { until } from '../../setup/until';

jest.setTimeout(120_000);
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const ZONE = 'Asia/Kolkata';
const YEAR = 365 * 86_400_000;
const dayIn = (zone: string) => (o: Observation) => localDay(o.answeredAt, zone);

async function rawObservations(ctx: Ctx): Promise<Observation[]> {
  const out: Observation[] = [];
  for await (const o of storedResponses.observations(ctx)) out.push(o);
  return out;
}

const responseEvents = (ctx: Ctx) =>
  DomainEventModel.find({ organisationId: ctx.organisationId, type: /^response\./ })
    .sort({ at: 1 })
    .lean<DomainEvent[]>();

describe('response events move the rollups', () => {
  it('when a score link is opened, then confirmed, then changed, the metrics count it once, at its latest score, and dashboards hear of it', async () => {
    h.startWorker();
    const owner = await signUpOwner(h.app);
    const inv = await buildInvitation({ org: owner.organisationId, secretKey: h.config.SECRET_KEY });
    const heard: RollupChanged[] = [];
    const stop = await createLiveHub(h.redis).listen(owner.organisationId, (m) => heard.push(m));
    const metrics = async () =>
      (await owner.agent.get('/api/v1/metrics').expect(200)).body as {
        figure: { n: number; distribution: { score: number; count: number }[] };
      };
    const counted = async () =>
      Object.fromEntries(
        (await metrics()).figure.distribution.filter((d) => d.count > 0).map((d) => [d.score, d.count]),
      );

    // A bare GET (maybe a mail scanner) stores a provisional answer: it never counts.
    await request(h.app).get(`/r/${inv.token}?score=3`).expect(200);
    await h.eventsSettled();
    expect((await metrics()).figure.n).toBe(0);
    expect(heard).toEqual([]);

    await request(h.app).post(`/r/${inv.token}/confirm`).send({ score: 3 }).expect(200);
    await h.eventsSettled();
    expect(await counted()).toEqual({ 3: 1 });
    await until(
      async () => heard.length,
      (n) => n === 1,
    );
    expect(heard[0]).toMatchObject({ surveyId: inv.survey.id, touchpointId: inv.touchpoint.id, channel: 'email' });

    // Changing one's mind within the window moves the count instead of adding one.
    await request(h.app).post(`/r/${inv.token}/confirm`).send({ score: 9 }).expect(200);
    await h.eventsSettled();
    expect(await counted()).toEqual({ 9: 1 });

    // A redelivered event (the sweeper after a lost acknowledgement) changes nothing.
    for (const event of await responseEvents(systemContext({ organisationId: owner.organisationId, log: h.log })))
      await rollupResponseChange.handle(event, { log: h.log });
    expect(await counted()).toEqual({ 9: 1 });
    await until(
      async () => heard.length,
      (n) => n === 2,
    );
    await stop();
  });

  it('when the reporting zone changes, then the worker rebuilds the rollups from the stored responses', async () => {
    h.startWorker();
    const owner = await signUpOwner(h.app);
    const ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
    const survey = await buildSurvey({ org: owner });
    const tp = await buildTouchpoint({ org: owner, rules: { surveyId: survey.id } });
    // 18:45 UTC on 30 June is 00:15 on 1 July in Kolkata.
    await recordScore(
      ctx,
      {
        responseId: new Types.ObjectId(),
        survey: { id: survey.id, version: 1, kind: 'nps', scale: { min: 0, max: 10 } },
        touchpointId: tp.id,
        touchpointKey: tp.key,
        channel: 'link',
        invitationId: null,
        contactId: null,
        language: 'en',
      },
      { score: 10, confirm: true, changeWindowMs: YEAR, answeredAt: new Date('2026-06-30T18:45:00Z') },
    );
    await h.eventsSettled();
    const ids = () =>
      RollupModel.find({ organisationId: ctx.organisationId })
        .lean()
        .then((d) => d.map((x) => x._id));
    expect(await ids()).toEqual([`${ctx.organisationId}|${survey.id}|${tp.id}|link|2026-06`]);

    await owner.agent.patch('/api/v1/organisation').send({ timeZone: ZONE }).expect(200);
    await h.eventsSettled();
    await until(ids, (x) => x.length === 1 && String(x[0]).endsWith('2026-07'), 30_000);
    expect(await storedRollups(ctx, ['2026-06', '2026-07'])).toEqual(
      recompute(await rawObservations(ctx), dayIn(ZONE)),
    );
  });
});

/** Four responses of one survey at two touchpoints, answered around Kolkata's month edge. */
async function journeyOrg() {
  const organisationId = new Types.ObjectId().toHexString();
  await OrganisationModel.create({ _id: organisationId, name: 'Prop', senderName: 'Prop', timeZone: ZONE });
  const ctx = systemContext({ organisationId, log: h.log });
  const survey = await buildSurvey({ org: organisationId });
  const touchpoints = [await buildTouchpoint({ org: organisationId }), await buildTouchpoint({ org: organisationId })];
  const targets = [0, 1, 2, 3].map((i) => ({
    responseId: new Types.ObjectId(),
    survey: { id: survey.id, version: 1, kind: 'nps' as const, scale: { min: 0, max: 10 } },
    touchpointId: touchpoints[i % 2]!.id,
    touchpointKey: touchpoints[i % 2]!.key,
    channel: i < 2 ? ('email' as const) : ('link' as const),
    invitationId: null,
    contactId: null,
    language: 'en',
    answeredAt: i === 3 ? new Date('2026-06-30T18:40:00Z') : new Date(Date.UTC(2026, 5, 10 + i, 9)),
  }));
  return { ctx, targets };
}

type Crash = 'none' | 'after-series' | 'after-ledger' | 'after-write';

/**
 * What a worker that died mid-update left behind: the event was never marked done, so it comes
 * back. It held the month's lease while it worked, as every writer does.
 */
async function crashDuring(ctx: Ctx, event: DomainEvent, crash: Crash) {
  if (crash === 'none') return;
  const o = (await observationOfEvent(ctx, event.data))!;
  const place = placeOf(ctx, o, ZONE);
  if (crash === 'after-series') await ensureSeries(ctx, place.series, o, place.month);
  else if (crash === 'after-ledger') await withLease(monthLease(place._id), () => recordInLedger(ctx, o, place));
  else await applyScoreChange(ctx, o, ZONE);
}

const deliveryPlan = fc.array(
  fc.record({
    order: fc.nat(),
    copies: fc.integer({ min: 0, max: 2 }),
    // Copies delivered at once: a redelivery racing the first attempt (a stalled job, the sweeper).
    racing: fc.boolean(),
    crash: fc.constantFrom<Crash>('none', 'after-series', 'after-ledger', 'after-write'),
  }),
  { minLength: 12, maxLength: 12 },
);
const writePlan = fc.array(
  fc.record({
    response: fc.integer({ min: 0, max: 3 }),
    score: fc.integer({ min: 0, max: 10 }),
    confirm: fc.boolean(),
  }),
  { minLength: 1, maxLength: 8 },
);

/**
 * Real recordScore writes, then their events delivered by plan, while the worker started above
 * delivers them too (it dispatches every event it is queued): the rollups must equal a
 * recomputation from the stored responses.
 */
type Planned<A> = A extends fc.Arbitrary<infer T> ? T : never;

async function deliverByPlan(writes: Planned<typeof writePlan>, deliveries: Planned<typeof deliveryPlan>) {
  const { ctx, targets } = await journeyOrg();
  for (const w of writes) {
    const { answeredAt, ...target } = targets[w.response]!;
    await recordScore(ctx, target, { score: w.score, confirm: w.confirm, changeWindowMs: YEAR, answeredAt });
  }
  const events = await responseEvents(ctx);
  const plan = events
    .map((event, i) => ({ event, ...deliveries[i % deliveries.length]!, i }))
    .sort((a, b) => a.order - b.order || a.i - b.i);
  for (const step of plan) {
    await crashDuring(ctx, step.event, step.crash);
    const copies = Array.from(
      { length: step.copies + 1 },
      () => () => rollupResponseChange.handle(step.event, { log: h.log }),
    );
    if (step.racing) await Promise.all(copies.map((deliver) => deliver()));
    else for (const deliver of copies) await deliver();
  }
  await h.eventsSettled();
  expect(await storedRollups(ctx, ['2026-06', '2026-07'])).toEqual(recompute(await rawObservations(ctx), dayIn(ZONE)));
}

describe('rollups fed by response events equal a recomputation from the stored responses', () => {
  it("when a confirmed score's update dies after its ledger write and an older event arrives before the redelivery, then it counts once", async () => {
    // The shape of seed -1917625992's counterexample: provisional 2, then confirmed 2.
    const { ctx, targets } = await journeyOrg();
    const { answeredAt, ...target } = targets[0]!;
    await recordScore(ctx, target, { score: 2, confirm: false, changeWindowMs: YEAR, answeredAt });
    await recordScore(ctx, target, { score: 2, confirm: true, changeWindowMs: YEAR, answeredAt });
    const [provisional, confirmed] = await responseEvents(ctx);
    await crashDuring(ctx, confirmed!, 'after-ledger');
    await rollupResponseChange.handle(provisional!, { log: h.log });
    await Promise.all([1, 2].map(() => rollupResponseChange.handle(confirmed!, { log: h.log })));
    await h.eventsSettled();
    expect(Object.values(await storedRollups(ctx, ['2026-06']))).toEqual([{ 2: 1 }]);
  });

  const property =
    'after score changes, confirmations, replays, racing copies, any order and a worker killed mid-update';
  // The seed that found the lost score (a crash after the write, then out-of-order redelivery) stays as a regression run.
  fcIt.prop([writePlan, deliveryPlan], { numRuns: 6, seed: -1917625992 })(
    `${property} (seed -1917625992)`,
    deliverByPlan,
    120_000,
  );
  fcIt.prop([writePlan, deliveryPlan], { numRuns: 8 })(property, deliverByPlan, 120_000);
});
