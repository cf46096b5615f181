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
import { RollupModel } from '../../../server/src/modules/analytics/rollup.model';
import { seriesKey, type Observation } from '../../../server/src/modules/analytics/rollup-keys';
import { applyScoreChange, ensureSeries } from '../../../server/src/modules/analytics/rollups.service';
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

describe('rollups fed by response events equal a recomputation from the stored responses', () => {
  fcIt.prop(
    [
      fc.array(
        fc.record({
          response: fc.integer({ min: 0, max: 3 }),
          score: fc.integer({ min: 0, max: 10 }),
          confirm: fc.boolean(),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      // How each event is delivered: its place in the order, extra copies, and a crash before its redelivery.
      fc.array(
        fc.record({
          order: fc.nat(),
          copies: fc.integer({ min: 0, max: 2 }),
          crash: fc.constantFrom('none', 'after-series', 'after-write'),
        }),
        { minLength: 12, maxLength: 12 },
      ),
    ],
    { numRuns: 12 },
  )(
    'after score changes, confirmations, replays, any delivery order and a worker killed mid-update',
    async (writes, deliveries) => {
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
        if (step.crash !== 'none') {
          // The worker did part of the work and died: the event was never marked done, so it comes back.
          const o = (await observationOfEvent(ctx, step.event.data))!;
          if (step.crash === 'after-series')
            await ensureSeries(ctx, seriesKey(o), o, localDay(o.answeredAt, ZONE).slice(0, 7));
          else await applyScoreChange(ctx, o, ZONE);
        }
        for (let copy = 0; copy <= step.copies; copy++) await rollupResponseChange.handle(step.event, { log: h.log });
      }
      expect(await storedRollups(ctx, ['2026-06', '2026-07'])).toEqual(
        recompute(await rawObservations(ctx), dayIn(ZONE)),
      );
    },
    300_000,
  );
});
