import { localDay } from '@pulse/shared/metrics/time-buckets';

import type { Ctx } from '../../lib/context';
import type { RawResponseSource } from './raw-responses';
import { RollupModel, SeriesModel } from './rollup.model';
import { contributionOf, rollupId, seriesDocId, seriesKey, type Observation } from './rollup-keys';
import { reportingZone } from './rollups.service';

interface Built {
  series: string;
  month: string;
  days: Record<string, Record<string, number>>;
  applied: Record<string, [number, number | null]>;
}

const MAX_PASSES = 5;

/**
 * Recomputes an organisation's rollups from raw responses: after a change of reporting zone, a
 * backfill, or to repair. Each document is replaced only if no live update touched it since this
 * pass read it (compare-and-set on `v`); when one did, the pass starts over from a fresh read of
 * the raw responses, which by then include that update. A rebuild killed half-way leaves some
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
        await RollupModel.find({ organisationId: ctx.organisationId }, { v: 1 }).lean<{ _id: string; v: number }[]>()
      ).map((d) => [d._id, d.v]),
    );
    const zone = await reportingZone(ctx);
    const { built, series } = buildRollups(ctx.organisationId, await latestOf(ctx, source), zone);
    if (await replaceAll(ctx, built, seen)) {
      await SeriesModel.replaceOne(
        { _id: seriesDocId(ctx.organisationId), organisationId: ctx.organisationId },
        { _id: seriesDocId(ctx.organisationId), organisationId: ctx.organisationId, series },
        { upsert: true },
      );
      return { documents: built.size, passes: pass };
    }
  }
  throw new Error(`Rollups of ${ctx.organisationId} kept changing during ${MAX_PASSES} rebuild passes`);
}

/**
 * Writes the rollups of an organisation that has none yet, in bulk: the seed and the benchmark
 * load a year of answers this way instead of one conditional update per answer.
 */
export async function seedRollups(ctx: Ctx, observations: Iterable<Observation>, zone: string): Promise<number> {
  const { built, series } = buildRollups(ctx.organisationId, observations, zone);
  const docs = [...built].map(([_id, doc]) => ({ _id, organisationId: ctx.organisationId, ...doc, v: 1 }));
  for (let i = 0; i < docs.length; i += 100) await RollupModel.insertMany(docs.slice(i, i + 100));
  await SeriesModel.replaceOne(
    { _id: seriesDocId(ctx.organisationId), organisationId: ctx.organisationId },
    { _id: seriesDocId(ctx.organisationId), organisationId: ctx.organisationId, series },
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

/** Replaces, inserts and deletes documents with compare-and-set; false when any of them moved. */
async function replaceAll(ctx: Ctx, built: Map<string, Built>, seen: Map<string, number>): Promise<boolean> {
  const organisationId = ctx.organisationId;
  for (const [_id, doc] of built) {
    const v = seen.get(_id);
    if (v === undefined) {
      try {
        await RollupModel.create({ _id, organisationId, ...doc, v: 1 });
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return false;
        throw err;
      }
      continue;
    }
    const result = await RollupModel.replaceOne({ _id, organisationId, v }, { _id, organisationId, ...doc, v: v + 1 });
    if (result.matchedCount !== 1) return false;
  }
  for (const [_id, v] of seen) {
    if (built.has(_id)) continue;
    const result = await RollupModel.deleteOne({ _id, organisationId, v });
    if (result.deletedCount !== 1) return false;
  }
  return true;
}
