import mongoose from 'mongoose';

import { localDay } from '@pulse/shared/metrics/time-buckets';

import type { Ctx } from '../../lib/context';
import { isDuplicateKey } from '../../lib/derived-id';
import { withLease } from '../../lib/lease';
import { getOrganisation } from '../organisations/organisation.service';
import { LedgerModel, RollupModel, SeriesModel } from './rollup.model';
import { contributionOf, Observation, rollupId, seriesDocId, seriesKey } from './rollup-keys';

/** What a response contributes in one month: its revision and its counted score. */
type Applied = [revision: number, score: number | null];
type Days = Record<string, Record<string, number>>;

export interface AppliedChange {
  /** True when the counts readers see moved: a new score counted, or a missed copy caught up. */
  changed: boolean;
  /** True when this revision was newer than the one held: recorded, whether or not counts moved. */
  recorded: boolean;
  series: string;
  day: string;
}

/** Where an observation lands: its month document and day. */
interface Place {
  _id: string;
  series: string;
  month: string;
  day: string;
}

/** The month ledger after a revision was folded in (or found already there). */
interface LedgerState {
  changed: boolean;
  recorded: boolean;
  days: Days;
  v: number;
}

const MAX_ATTEMPTS = 20;

export const reportingZone = async (ctx: Ctx): Promise<string> => (await getOrganisation(ctx)).timeZone;

/**
 * How long a process files live updates under the zone it last read. A zone change forgets it
 * in the process that hears of it, and the rebuild it queues waits this long, so whatever another
 * process filed under the old zone meanwhile is recomputed from the stored responses.
 */
export const ZONE_TTL_MS = 5_000;
const zones = new Map<string, { zone: string; until: number }>();
const MAX_ZONES = 5_000;

/** The reporting zone as the write path uses it: read at most once per ZONE_TTL_MS per organisation. */
async function liveZone(ctx: Ctx): Promise<string> {
  const known = zones.get(ctx.organisationId);
  if (known && known.until > Date.now()) return known.zone;
  const zone = await reportingZone(ctx);
  rememberZone(ctx.organisationId, zone);
  return zone;
}

/** A fresh read of the zone (the rebuild's) is what this process files live updates under from now on. */
export function rememberZone(organisationId: string, zone: string): void {
  if (zones.size >= MAX_ZONES) zones.clear();
  zones.set(organisationId, { zone, until: Date.now() + ZONE_TTL_MS });
}

export const forgetZone = (organisationId: string) => void zones.delete(organisationId);

/** Every writer of one month document (live updates, rebuilds) holds this lease. */
export const monthLease = (rollup: string) => `pulse:analytics:month:${rollup}`;
const seriesLease = (organisationId: string) => `pulse:analytics:series:${organisationId}`;

export function placeOf(ctx: Ctx, o: Observation, zone: string): Place {
  const day = localDay(o.answeredAt, zone);
  const series = seriesKey(o);
  return { _id: rollupId(ctx.organisationId, series, day.slice(0, 7)), series, month: day.slice(0, 7), day };
}

/**
 * Folds one revision of one response into its month's rollup, exactly once whatever the order,
 * the copies and the crashes of its deliveries.
 *
 * Without transactions, and on a database whose filtered updates are not isolated:
 * - one writer at a time per month (a Redis lease), so reading the ledger and writing it back
 *   cannot interleave with another writer of that month;
 * - one write of the month's ledger decides: it records the response's revision together with
 *   the counts that revision makes, so a replay, or an older revision arriving late, finds a
 *   revision ≥ its own and changes nothing, and a changed score moves its count;
 * - the rollup the dashboard reads is then a copy of the ledger's counts, tagged with the
 *   ledger's version. A worker killed between the two writes leaves the copy behind; the
 *   redelivered event (or any later write of that month) finds it behind and copies again.
 */
export async function applyScoreChange(ctx: Ctx, input: Observation, zone?: string): Promise<AppliedChange> {
  const o = Observation.parse(input);
  const place = placeOf(ctx, o, zone ?? (await liveZone(ctx)));
  return withLease(monthLease(place._id), async () => {
    const ledger = await recordInLedger(ctx, o, place);
    const outcome = { recorded: ledger.recorded, series: place.series, day: place.day };
    // The usual case, a new count: the copy moves forwards without being read first.
    if (ledger.changed) {
      await copyForward(ctx, place, ledger);
      return { ...outcome, changed: true };
    }
    // Counts unchanged (a replay, a provisional click, a comment): a copy left behind by a worker
    // that died after the ledger write still catches up, and then readers see a change.
    const copied = await RollupModel.findOne(
      { _id: place._id, organisationId: ctx.organisationId },
      { v: 1, days: 1 },
    ).lean<{
      v: number;
      days: Days;
    }>();
    const caughtUp =
      (await copyToRollup(ctx, place, ledger, copied?.v)) && !sameCounts(ledger.days, copied?.days ?? {});
    return { ...outcome, changed: caughtUp };
  });
}

/**
 * The deciding write: the revision and the counts it makes, in one update of the month's ledger.
 * Callers hold the month's lease; the version in the filter still refuses a write if a stalled
 * holder's lease ran out and another writer moved the ledger meanwhile. Exported for the crash test.
 */
export async function recordInLedger(ctx: Ctx, o: Observation, place: Place): Promise<LedgerState> {
  const score = contributionOf(o);
  const dd = place.day.slice(8);
  const marker = `applied.${o.responseId}`;
  // A response's first revision, the usual case, moves nothing it counted before: one write that
  // adds its count, only where the ledger does not hold it yet, and answers the counts it made.
  if (o.revision === 1) {
    const added = await LedgerModel.findOneAndUpdate(
      { _id: place._id, organisationId: ctx.organisationId, [marker]: mongoose.trusted({ $exists: false }) },
      {
        $set: { [marker]: [o.revision, score] },
        $inc: { v: 1, ...(score !== null && { [`days.${dd}.${score}`]: 1 }) },
      },
      // The whole document: FerretDB 1.24 has no projection on findAndModify.
      { returnDocument: 'after' },
    ).lean<{ days?: Days; v: number }>();
    if (added) return { changed: score !== null, recorded: true, days: added.days ?? {}, v: added.v };
    // No ledger for the month yet, or this revision recorded already: the general way decides.
  }
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const doc = await LedgerModel.findOne(
      { _id: place._id, organisationId: ctx.organisationId },
      { [marker]: 1, days: 1, v: 1 },
    ).lean<{ applied?: Record<string, Applied>; days?: Days; v: number }>();
    if (!doc) {
      await ensureSeries(ctx, place.series, o, place.month);
      const days: Days = score === null ? {} : { [dd]: { [score]: 1 } };
      try {
        await LedgerModel.create({
          _id: place._id,
          organisationId: ctx.organisationId,
          applied: { [o.responseId]: [o.revision, score] },
          days,
          v: 1,
        });
        return { changed: score !== null, recorded: true, days, v: 1 };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        continue; // a rebuild created the month first: fold into it instead
      }
    }
    const days = doc.days ?? {};
    const previous = doc.applied?.[o.responseId];
    if (previous && previous[0] >= o.revision) return { changed: false, recorded: false, days, v: doc.v };

    // Path by path: FerretDB 1.24 takes a `$set` of a whole sub-document that differs from the
    // stored one only in its keys ({"0": 1} → {"1": 1}) for no change and keeps the old one.
    const counts: Record<string, number> = { ...days[dd] };
    if (previous && previous[1] !== null) counts[previous[1]] = (counts[previous[1]] ?? 0) - 1;
    if (score !== null) counts[score] = (counts[score] ?? 0) + 1;
    const set: Record<string, number> = {};
    const unset: Record<string, ''> = {};
    for (const [s, n] of Object.entries(counts)) {
      if (n === (days[dd]?.[s] ?? 0)) continue;
      if (n === 0) unset[`days.${dd}.${s}`] = '';
      else set[`days.${dd}.${s}`] = n;
    }
    const changed = Object.keys(set).length + Object.keys(unset).length > 0;

    const result = await LedgerModel.updateOne(
      { _id: place._id, organisationId: ctx.organisationId, v: doc.v },
      {
        $set: { [marker]: [o.revision, score], ...set },
        ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
        $inc: { v: 1 },
      },
    );
    if (result.matchedCount === 1) return { changed, recorded: true, days: withDay(days, dd, counts), v: doc.v + 1 };
  }
  throw new Error(`Rollup ledger ${place._id} kept changing under ${MAX_ATTEMPTS} attempts`);
}

const canonical = (days: Days) =>
  JSON.stringify(
    Object.entries(days)
      .map(
        ([d, c]) =>
          [
            d,
            Object.entries(c)
              .filter(([, n]) => n !== 0)
              .sort(),
          ] as const,
      )
      .filter(([, c]) => c.length > 0)
      .sort(),
  );
const sameCounts = (a: Days, b: Days) => canonical(a) === canonical(b);

/** A month's counts with one day's replaced, zeros and empty days left out. */
function withDay(days: Days, dd: string, counts: Record<string, number>): Days {
  const day = Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0));
  const out: Days = { ...days, [dd]: day };
  for (const [d, c] of Object.entries(out)) if (Object.keys(c).length === 0) delete out[d];
  return out;
}

/**
 * Copies the ledger's counts to the rollup readers see, only forwards; true when it wrote. A
 * whole replacement (a small document): FerretDB would keep a `$set: { days }` whose keys alone changed.
 */
async function copyToRollup(ctx: Ctx, place: Place, ledger: LedgerState, copiedV: number | undefined) {
  if (copiedV !== undefined && copiedV >= ledger.v) return false;
  const organisationId = ctx.organisationId;
  if (copiedV === undefined) {
    try {
      await RollupModel.create({
        _id: place._id,
        organisationId,
        series: place.series,
        month: place.month,
        days: ledger.days,
        v: ledger.v,
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  } else {
    await RollupModel.replaceOne(
      { _id: place._id, organisationId, v: copiedV },
      { _id: place._id, organisationId, series: place.series, month: place.month, days: ledger.days, v: ledger.v },
    );
  }
  return true;
}

/**
 * The copy of a ledger that just moved: replaced where it is older, created where there is none
 * (the month's first answer). A copy found already as new as the ledger is left as it is.
 */
async function copyForward(ctx: Ctx, place: Place, ledger: LedgerState) {
  const organisationId = ctx.organisationId;
  const doc = {
    _id: place._id,
    organisationId,
    series: place.series,
    month: place.month,
    days: ledger.days,
    v: ledger.v,
  };
  const replaced = await RollupModel.replaceOne(
    { _id: place._id, organisationId, v: mongoose.trusted({ $lt: ledger.v }) },
    doc,
  );
  if (replaced.matchedCount === 1) return;
  try {
    await RollupModel.create(doc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
}

/**
 * Records a series before its first document, so readers that start from the series list see it
 * (the first of the writes a first answer of a month makes; exported for the crash test). The
 * series document is shared by every series of the organisation, so its writers take turns too:
 * two first answers of different touchpoints would otherwise lose one entry.
 */
export async function ensureSeries(ctx: Ctx, series: string, o: Observation, month: string): Promise<void> {
  const _id = seriesDocId(ctx.organisationId);
  const path = `series.${series}`;
  const known = async () =>
    ((
      await SeriesModel.findOne({ _id, organisationId: ctx.organisationId }, { [path]: 1 }).lean<{
        series?: Record<string, { firstMonth: string }>;
      }>()
    )?.series?.[series]?.firstMonth ?? '9999') <= month;
  // Most first answers of a month find their series listed already: no lease needed to see that.
  if (await known()) return;
  await withLease(seriesLease(ctx.organisationId), async () => {
    if (await known()) return;
    const entry = {
      surveyId: o.surveyId,
      touchpointId: o.touchpointId,
      channel: o.channel,
      kind: o.kind,
      min: o.scale.min,
      max: o.scale.max,
      firstMonth: month,
    };
    await SeriesModel.updateOne(
      { _id, organisationId: ctx.organisationId },
      { $set: { [path]: entry } },
      { upsert: true },
    );
  });
}

/** The rebuild replaces the whole series document, taking its turn like any other writer. */
export async function replaceSeries(ctx: Ctx, series: Record<string, object>): Promise<void> {
  const _id = seriesDocId(ctx.organisationId);
  await withLease(seriesLease(ctx.organisationId), () =>
    SeriesModel.replaceOne(
      { _id, organisationId: ctx.organisationId },
      { _id, organisationId: ctx.organisationId, series },
      { upsert: true },
    ),
  );
}
