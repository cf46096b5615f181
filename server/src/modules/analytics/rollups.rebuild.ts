import { localDay } from '@pulse/shared/metrics/time-buckets';

import type { Ctx } from '../../lib/context';
import { isDuplicateKey } from '../../lib/derived-id';
import { withLease } from '../../lib/lease';
import type { RawResponseSource } from './raw-responses';
import { LedgerModel, RollupModel, SeriesModel } from './rollup.model';
import { contributionOf, rollupId, seriesDocId, seriesKey, type Observation } from './rollup-keys';
import { monthLease, rememberZone, replaceSeries, reportingZone } from './rollups.service';

interface Built {
  series: string;
  month: string;
  days: Record<string, Record<string, number>>;
  applied: Record<string, [number, number | null]>;
}

const MAX_PASSES = 5;

/**
 * Recomputes an organisation's rollups from raw responses: after a change of reporting zone, a
 * backfill, or to repair. Each month's ledger is replaced only if no live update touched it since
 * this pass read it (compare-and-set on `v`, under the month's lease like every writer), then its
 * rollup copied from it; when one moved, the pass starts over from a fresh read of the raw
 * responses, which by then include that update. A rebuild killed half-way leaves some
 * documents rebuilt and some not, so figures near month edges may be off until it is run again
 * (the job retries); live updates meanwhile stay exact on their own documents.
 */
export async function rebuildRollups(
  ctx: Ctx,
  source: RawResponseSource,
): Promise<{ documents: number; passes: number }> {
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const seen = new Map(
      (
        await LedgerModel.find({ organisationId: ctx.organisationId }, { v: 1 }).lean<{ _id: string; v: number }[]>()
      ).map((d) => [d._id, d.v]),
    );
    const copies = (
      await RollupModel.find({ organisationId: ctx.organisationId }, { _id: 1 }).lean<{ _id: string }[]>()
    ).map((d) => d._id);
    const zone = await reportingZone(ctx);
    rememberZone(ctx.organisationId, zone);
    const { built, series } = buildRollups(ctx.organisationId, await latestOf(ctx, source), zone);
    if (await replaceAll(ctx, built, seen, copies)) {
      await replaceSeries(ctx, series);
      return { documents: built.size, passes: pass };
    }
  }
  throw new Error(`Rollups of ${ctx.organisationId} kept changing during ${MAX_PASSES} rebuild passes`);
}

/**
 * Writes the rollups of an organisation that has none yet, in bulk: the seed and the benchmark
 * load a year of answers this way instead of one update per answer. Nothing else writes an
 * organisation with no rollups, so no lease is taken (the seed script runs without Redis).
 */
export async function seedRollups(ctx: Ctx, observations: Iterable<Observation>, zone: string): Promise<number> {
  const { built, series } = buildRollups(ctx.organisationId, observations, zone);
  const organisationId = ctx.organisationId;
  const docs = [...built];
  for (let i = 0; i < docs.length; i += 100) {
    const batch = docs.slice(i, i + 100);
    await LedgerModel.insertMany(
      batch.map(([_id, d]) => ({ _id, organisationId, applied: d.applied, days: d.days, v: 1 })),
    );
    await RollupModel.insertMany(
      batch.map(([_id, d]) => ({ _id, organisationId, series: d.series, month: d.month, days: d.days, v: 1 })),
    );
  }
  await SeriesModel.replaceOne(
    { _id: seriesDocId(organisationId), organisationId },
    { _id: seriesDocId(organisationId), organisationId, series },
    { upsert: true },
  );
  return docs.length;
}

async function latestOf(ctx: Ctx, source: RawResponseSource): Promise<Observation[]> {
  const latest = new Map<string, Observation>();
  for await (const o of source.observations(ctx)) {
    const known = latest.get(o.responseId);
    if (!known || known.revision < o.revision) latest.set(o.responseId, o);
  }
  return [...latest.values()];
}

/** The rollup documents a set of observations (one per response, its latest revision) makes. */
function buildRollups(organisationId: string, observations: Iterable<Observation>, zone: string) {
  const built = new Map<string, Built>();
  const series: Record<string, object> = {};
  for (const o of observations) {
    const day = localDay(o.answeredAt, zone);
    const month = day.slice(0, 7);
    const key = seriesKey(o);
    const id = rollupId(organisationId, key, month);
    let doc = built.get(id);
    if (!doc) built.set(id, (doc = { series: key, month, days: {}, applied: {} }));
    const score = contributionOf(o);
    doc.applied[o.responseId] = [o.revision, score];
    if (score !== null) {
      const counts = (doc.days[day.slice(8)] ??= {});
      counts[score] = (counts[score] ?? 0) + 1;
    }
    const first = (series[key] as { firstMonth?: string } | undefined)?.firstMonth;
    series[key] = {
      surveyId: o.surveyId,
      touchpointId: o.touchpointId,
      channel: o.channel,
      kind: o.kind,
      min: o.scale.min,
      max: o.scale.max,
      firstMonth: first && first < month ? first : month,
    };
  }
  return { built, series };
}

/**
 * Replaces, inserts and deletes each month's ledger with compare-and-set and copies its counts to
 * the rollup, one month at a time under its lease; false when any ledger moved since `seen`.
 */
async function replaceAll(
  ctx: Ctx,
  built: Map<string, Built>,
  seen: Map<string, number>,
  copies: string[],
): Promise<boolean> {
  const organisationId = ctx.organisationId;
  for (const [_id, doc] of built) {
    const ok = await withLease(monthLease(_id), async () => {
      const v = seen.get(_id);
      const next = (v ?? 0) + 1;
      if (v === undefined) {
        try {
          await LedgerModel.create({ _id, organisationId, applied: doc.applied, days: doc.days, v: next });
        } catch (err) {
          if (isDuplicateKey(err)) return false;
          throw err;
        }
      } else {
        const ledger = { _id, organisationId, applied: doc.applied, days: doc.days, v: next };
        if ((await LedgerModel.replaceOne({ _id, organisationId, v }, ledger)).matchedCount !== 1) return false;
      }
      const copy = { _id, organisationId, series: doc.series, month: doc.month, days: doc.days, v: next };
      await RollupModel.replaceOne({ _id, organisationId }, copy, { upsert: true });
      return true;
    });
    if (!ok) return false;
  }
  for (const [_id, v] of seen) {
    if (built.has(_id)) continue;
    const ok = await withLease(monthLease(_id), async () => {
      if ((await LedgerModel.deleteOne({ _id, organisationId, v })).deletedCount !== 1) return false;
      await RollupModel.deleteOne({ _id, organisationId });
      return true;
    });
    if (!ok) return false;
  }
  // A copy with no ledger behind it (one damaged by hand, or left by a month emptied meanwhile).
  for (const _id of copies)
    if (!built.has(_id) && !seen.has(_id))
      await withLease(monthLease(_id), () => RollupModel.deleteOne({ _id, organisationId }));
  return true;
}
