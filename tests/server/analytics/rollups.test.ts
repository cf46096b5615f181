import { fc, it as fcIt } from '@fast-check/jest';
import { Types } from 'mongoose';

import { mergeCounts } from '@pulse/shared/metrics/histogram';
import { localDay } from '@pulse/shared/metrics/time-buckets';

import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { arraySource } from '../../../server/src/modules/analytics/raw-responses';
import { RollupModel } from '../../../server/src/modules/analytics/rollup.model';
import type { Observation } from '../../../server/src/modules/analytics/rollup-keys';
import { loadDays, loadSeries } from '../../../server/src/modules/analytics/rollups.read';
import { rebuildRollups } from '../../../server/src/modules/analytics/rollups.rebuild';
import { applyScoreChange } from '../../../server/src/modules/analytics/rollups.service';
import { OrganisationModel } from '../../../server/src/modules/organisations/organisation.model';
import { signUpOwner } from '../../factories/accounts';
import { buildObservation, recompute } from '../../factories/observations';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const ZONE = 'Asia/Kolkata';
const freshCtx = (): Ctx => systemContext({ organisationId: new Types.ObjectId().toHexString(), log: h.log });

/** What the rollups hold, in the same shape as recompute(): series@day → counts, zeros dropped. */
async function stored(ctx: Ctx, months: string[]) {
  const out: Record<string, Record<string, number>> = {};
  for (const d of await loadDays(ctx, await loadSeries(ctx), months)) {
    const counts = mergeCounts(out[`${d.series}@${d.day}`] ?? {}, d.counts);
    if (Object.keys(counts).length > 0) out[`${d.series}@${d.day}`] = counts;
    else delete out[`${d.series}@${d.day}`];
  }
  return out;
}

const dayIn = (zone: string) => (o: Observation) => localDay(o.answeredAt, zone);

describe('rollups maintained at write time', () => {
  it('when a score changes, then its count moves and no second count is added', async () => {
    const ctx = freshCtx();
    const first = buildObservation({ score: 3 });
    await applyScoreChange(ctx, first, ZONE);
    const changed = await applyScoreChange(ctx, { ...first, revision: 2, score: 9 }, ZONE);
    expect(changed.changed).toBe(true);
    expect(await stored(ctx, ['2026-06'])).toEqual(
      recompute([first, { ...first, revision: 2, score: 9 }], dayIn(ZONE)),
    );
    expect(Object.values(await stored(ctx, ['2026-06']))).toEqual([{ 9: 1 }]);
  });

  it('when a provisional answer arrives, then nothing counts until it is confirmed', async () => {
    const ctx = freshCtx();
    const clicked = buildObservation({ score: 10, confirmed: false });
    await applyScoreChange(ctx, clicked, ZONE);
    expect(await stored(ctx, ['2026-06'])).toEqual({});
    await applyScoreChange(ctx, { ...clicked, revision: 2, confirmed: true }, ZONE);
    expect(Object.values(await stored(ctx, ['2026-06']))).toEqual([{ 10: 1 }]);
  });

  it('when an event is replayed or an older revision arrives late, then nothing changes', async () => {
    const ctx = freshCtx();
    const o = buildObservation({ score: 2 });
    await applyScoreChange(ctx, { ...o, revision: 3, score: 7 }, ZONE);
    expect((await applyScoreChange(ctx, { ...o, revision: 3, score: 7 }, ZONE)).changed).toBe(false);
    expect((await applyScoreChange(ctx, { ...o, revision: 1 }, ZONE)).changed).toBe(false);
    expect(Object.values(await stored(ctx, ['2026-06']))).toEqual([{ 7: 1 }]);
  });

  it('buckets by the local day of the reporting zone, one document per series and month', async () => {
    const ctx = freshCtx();
    // 18:30 UTC on 30 June is 00:00 on 1 July in Kolkata: the July document.
    await applyScoreChange(ctx, buildObservation({ answeredAt: new Date('2026-06-30T18:30:00Z'), score: 8 }), ZONE);
    const docs = await RollupModel.find({ organisationId: ctx.organisationId }).lean();
    expect(docs.map((d) => d._id)).toEqual([`${ctx.organisationId}|survey-a|checkout|email|2026-07`]);
    expect(docs[0]!.days).toEqual({ '01': { 8: 1 } });
  });

  fcIt.prop(
    [
      fc.array(
        fc.record({
          response: fc.integer({ min: 0, max: 5 }),
          revision: fc.integer({ min: 1, max: 4 }),
          score: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
          confirmed: fc.boolean(),
          replays: fc.integer({ min: 0, max: 2 }),
        }),
        { minLength: 1, maxLength: 14 },
      ),
      fc.integer({ min: 1, max: 4 }),
    ],
    { numRuns: 15 },
  )(
    'rollups equal a recomputation from raw observations after score changes, replays, late and racing writes',
    async (events, parallel) => {
      const ctx = freshCtx();
      // Six responses over two series and two months (one answered at Kolkata's month edge).
      const facts = Array.from({ length: 6 }, (_, i) =>
        buildObservation({
          channel: i % 2 ? 'web' : 'email',
          answeredAt: i === 5 ? new Date('2026-06-30T18:45:00Z') : new Date(Date.UTC(2026, 5, 10 + i, 9)),
        }),
      );
      const observations = events.map((e) => ({
        ...facts[e.response]!,
        revision: e.revision,
        score: e.score,
        confirmed: e.confirmed,
      }));
      // Same revision, same content: a revision is one state of a response.
      const byRevision = new Map(observations.map((o) => [`${o.responseId}:${o.revision}`, o]));
      const delivered = events.flatMap((e, i) => {
        const o = byRevision.get(`${observations[i]!.responseId}:${observations[i]!.revision}`)!;
        return Array.from({ length: 1 + e.replays }, () => o);
      });
      for (let i = 0; i < delivered.length; i += parallel)
        await Promise.all(delivered.slice(i, i + parallel).map((o) => applyScoreChange(ctx, o, ZONE)));

      const expected = recompute([...byRevision.values()], dayIn(ZONE));
      expect(await stored(ctx, ['2026-06', '2026-07'])).toEqual(expected);
    },
    120_000,
  );
});

describe('rebuilding rollups from raw responses', () => {
  it('after the reporting zone changes, the rebuild re-buckets every answer and drops emptied documents', async () => {
    const owner = await signUpOwner(h.app);
    const ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
    const raw = [
      buildObservation({ answeredAt: new Date('2026-06-30T19:00:00Z'), score: 10 }),
      buildObservation({ answeredAt: new Date('2026-06-15T08:00:00Z'), score: 4 }),
      buildObservation({ answeredAt: new Date('2026-06-15T08:00:00Z'), score: 6, confirmed: false }),
    ];
    for (const o of raw) await applyScoreChange(ctx, o);
    expect(await stored(ctx, ['2026-06', '2026-07'])).toEqual(recompute(raw, dayIn('UTC')));

    await owner.agent.patch('/api/v1/organisation').send({ timeZone: ZONE }).expect(200);
    const result = await rebuildRollups(ctx, arraySource(raw));
    expect(result.passes).toBe(1);
    expect(await stored(ctx, ['2026-06', '2026-07'])).toEqual(recompute(raw, dayIn(ZONE)));
    // Replaying an event after the rebuild changes nothing: the rebuilt ledger knows it.
    expect((await applyScoreChange(ctx, raw[0]!)).changed).toBe(false);
  });

  it('repairs a damaged document and removes one no raw response supports', async () => {
    const ctx = freshCtx();
    const raw = [buildObservation({ score: 9 }), buildObservation({ score: 1, channel: 'web' })];
    await OrganisationModel.create({ _id: ctx.organisationId, name: 'Repair', senderName: 'Repair', timeZone: 'UTC' });
    for (const o of raw) await applyScoreChange(ctx, o);
    await RollupModel.updateOne(
      { _id: `${ctx.organisationId}|survey-a|checkout|email|2026-06`, organisationId: ctx.organisationId },
      { $set: { days: { '01': { 0: 500 } } } },
    );
    await applyScoreChange(ctx, buildObservation({ surveyId: 'ghost', score: 5 }));
    await rebuildRollups(ctx, arraySource(raw));
    expect(await stored(ctx, ['2026-06'])).toEqual(recompute(raw, dayIn('UTC')));
    expect(await RollupModel.countDocuments({ organisationId: ctx.organisationId })).toBe(2);
  });
});
