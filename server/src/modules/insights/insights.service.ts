import type { AnyBulkWriteOperation } from 'mongoose';
import mongoose, { Types } from 'mongoose';

import type { Band } from '@pulse/shared/metrics/scales';

import type { Ctx } from '../../lib/context';
import { withCounterLock } from './counter-lock';
import { extractInsight } from './extract';
import { InsightContributionModel, InsightCounterModel, type InsightCounterDoc } from './insights.model';
import type { Term } from './terms';
import { isoWeek } from './weeks';

/**
 * What text insights need from a response: the narrow contract the responses module's event
 * (or a rebuild) hands over. The comment text is read here and never stored by this module.
 */
export interface CommentInput {
  organisationId: string;
  responseId: string;
  touchpointId: string | null;
  /** The survey's locale: it decides the language unless Pulse does not analyse it. */
  language: string;
  band: Band;
  comment: string | null;
  answeredAt: Date;
}

interface Contribution {
  touchpointId: string | null;
  language: string;
  week: string;
  band: string;
  sentiment: number;
  terms: Term[];
}

export const counterId = (
  organisationId: string,
  c: Pick<Contribution, 'touchpointId' | 'language' | 'week'>,
  term: string,
) => `${organisationId}:${c.touchpointId ?? '-'}:${c.language}:${c.week}:${term}`;

/** What one comment contributes to the counters (pure: extraction only), or null without a comment. */
export function contributionOf(input: CommentInput): Contribution | null {
  const text = input.comment?.trim();
  if (!text) return null;
  const insight = extractInsight({ text, locale: input.language });
  return {
    touchpointId: input.touchpointId,
    language: insight.language,
    week: isoWeek(input.answeredAt),
    band: input.band,
    sentiment: insight.sentiment.score,
    terms: insight.terms,
  };
}

// Two contributions count the same when every field the counters read is equal.
const fingerprint = (c: Contribution | null) =>
  c && JSON.stringify([c.touchpointId, c.language, c.week, c.band, c.sentiment, c.terms.map((t) => t.key)]);

/** The counter upserts that take the counters from `before` to `after` for one comment. */
function delta(organisationId: string, before: Contribution | null, after: Contribution | null) {
  const ops = new Map<string, { inc: Record<string, number>; term: Term; c: Contribution }>();
  const apply = (c: Contribution | null, sign: 1 | -1) => {
    for (const term of c?.terms ?? []) {
      const _id = counterId(organisationId, c!, term.key);
      const op = ops.get(_id) ?? { inc: {}, term, c: c! };
      const add = (field: string, v: number) => (op.inc[field] = (op.inc[field] ?? 0) + v);
      add('mentions', sign);
      add(`bands.${c!.band}`, sign);
      add('sentimentSum', sign * c!.sentiment);
      ops.set(_id, op);
    }
  };
  apply(before, -1);
  apply(after, 1);
  const writes: AnyBulkWriteOperation<InsightCounterDoc>[] = [];
  for (const [_id, { inc, term, c }] of ops) {
    const changes = Object.fromEntries(Object.entries(inc).filter(([, v]) => Math.abs(v) > 1e-12));
    if (Object.keys(changes).length === 0) continue;
    writes.push({
      updateOne: {
        filter: { _id, organisationId },
        update: {
          $inc: changes,
          $setOnInsert: {
            touchpointId: c.touchpointId,
            language: c.language,
            week: c.week,
            term: term.key,
            label: term.label,
            kind: term.kind,
          },
        },
        upsert: true,
      },
    });
  }
  return writes;
}

/**
 * Applies one comment to the counters, at write time and off the response path (a job calls
 * it). Idempotent: the same input again changes nothing; a changed comment, score or touchpoint
 * takes its previous contribution out and puts the new one in, so counts move rather than add
 * up. The organisation's counter lock makes the read of the previous contribution and the counter
 * writes one sequence, so concurrent jobs (two events of one response, comments of one week)
 * never lose or double an update. A process that dies between the counter bulk and the
 * contribution write leaves that comment counted twice until the next rebuild.
 */
export function processComment(ctx: Ctx, input: CommentInput): Promise<{ changed: boolean; terms: number }> {
  return syncComment(ctx, input.responseId, () => Promise.resolve(input));
}

/**
 * The job's way in: `read` loads the response's current state inside the lock, so of two jobs
 * for one response (its completion, then a changed score) whichever runs last applies what the
 * response says last, never a state read before the other's write. `null` (the response is gone,
 * or not counted) takes its contribution out.
 */
export function syncComment(
  ctx: Ctx,
  responseId: string,
  read: () => Promise<CommentInput | null>,
): Promise<{ changed: boolean; terms: number }> {
  return withCounterLock(ctx.organisationId, async () => {
    const input = await read();
    return applyContribution(ctx, responseId, input && contributionOf(input));
  });
}

/** Whether a response's comment counts now: an emptied comment must still be taken out. */
export async function isCounted(ctx: Ctx, responseId: string): Promise<boolean> {
  const _id = new Types.ObjectId(responseId);
  return (await InsightContributionModel.countDocuments({ _id, organisationId: ctx.organisationId })) > 0;
}

async function applyContribution(ctx: Ctx, responseId: string, next: Contribution | null) {
  const _id = new Types.ObjectId(responseId);
  const previous = await InsightContributionModel.findOne({
    _id,
    organisationId: ctx.organisationId,
  }).lean<Contribution>();
  if (fingerprint(previous) === fingerprint(next)) return { changed: false, terms: next?.terms.length ?? 0 };
  const writes = delta(ctx.organisationId, previous, next);
  if (writes.length > 0) await InsightCounterModel.bulkWrite(writes, { ordered: false });
  if (next) {
    await InsightContributionModel.replaceOne(
      { _id, organisationId: ctx.organisationId },
      { ...next, organisationId: ctx.organisationId },
      { upsert: true },
    );
  } else {
    await InsightContributionModel.deleteOne({ _id, organisationId: ctx.organisationId });
  }
  return { changed: true, terms: next?.terms.length ?? 0 };
}

/**
 * Recomputes every counter of an organisation from the contributions: the repair for a crash in
 * processComment and the way to a clean state. Counters are replaced in bulk by `_id`, then the
 * ones this rebuild did not write are deleted.
 */
export function rebuildCounters(ctx: Ctx): Promise<{ counters: number; comments: number }> {
  return withCounterLock(ctx.organisationId, () => recompute(ctx));
}

async function recompute(ctx: Ctx): Promise<{ counters: number; comments: number }> {
  const stamp = new Types.ObjectId().toHexString();
  const totals = new Map<string, InsightCounterDoc>();
  let comments = 0;
  const cursor = InsightContributionModel.find({ organisationId: ctx.organisationId }).lean<Contribution[]>().cursor();
  for await (const c of cursor as AsyncIterable<Contribution>) {
    comments += 1;
    for (const term of c.terms) {
      const _id = counterId(ctx.organisationId, c, term.key);
      const doc = totals.get(_id) ?? {
        _id,
        organisationId: new Types.ObjectId(ctx.organisationId),
        touchpointId: c.touchpointId,
        language: c.language,
        week: c.week,
        term: term.key,
        label: term.label,
        kind: term.kind,
        mentions: 0,
        bands: {},
        sentimentSum: 0,
        rebuild: stamp,
      };
      doc.mentions += 1;
      (doc.bands as Record<string, number>)[c.band] = ((doc.bands as Record<string, number>)[c.band] ?? 0) + 1;
      doc.sentimentSum += c.sentiment;
      totals.set(_id, doc as InsightCounterDoc);
    }
  }
  const docs = [...totals.values()];
  await storeCounters(ctx.organisationId, totals);
  return { counters: docs.length, comments };
}

type StoredCounter = Pick<InsightCounterDoc, '_id' | 'label' | 'kind' | 'mentions' | 'bands' | 'sentimentSum'>;
const CHUNK = 1000;
const sameCounter = (a: StoredCounter, b: StoredCounter) =>
  a.label === b.label &&
  a.kind === b.kind &&
  a.mentions === b.mentions &&
  Math.abs(a.sentimentSum - b.sentimentSum) < 1e-9 &&
  JSON.stringify(Object.entries(a.bands ?? {}).sort()) === JSON.stringify(Object.entries(b.bands ?? {}).sort());

/**
 * Writes a rebuild's counters as the difference from what is stored. FerretDB runs an upsert as
 * one statement per document (about 15 ms each here), so replacing every counter of a demo year
 * took minutes; under the counter lock nothing else writes, so new counters go in by bulk insert,
 * only the changed ones are replaced and the ones no comment mentions any more are deleted.
 */
async function storeCounters(organisationId: string, totals: Map<string, InsightCounterDoc>): Promise<void> {
  const stored = new Map(
    (
      await InsightCounterModel.find({ organisationId }, { label: 1, kind: 1, mentions: 1, bands: 1, sentimentSum: 1 })
        .lean<StoredCounter[]>()
        .exec()
    ).map((d) => [String(d._id), d] as const),
  );
  const docs = [...totals.values()];
  const fresh = docs.filter((d) => !stored.has(String(d._id)));
  const changed = docs.filter((d) => {
    const before = stored.get(String(d._id));
    return before !== undefined && !sameCounter(before, d);
  });
  const gone = [...stored.keys()].filter((id) => !totals.has(id));
  for (let i = 0; i < fresh.length; i += CHUNK) {
    await InsightCounterModel.insertMany(fresh.slice(i, i + CHUNK), { ordered: false });
  }
  for (let i = 0; i < changed.length; i += CHUNK) {
    await InsightCounterModel.bulkWrite(
      changed.slice(i, i + CHUNK).map((doc) => ({
        replaceOne: { filter: { _id: doc._id, organisationId }, replacement: doc },
      })),
      { ordered: false },
    );
  }
  for (let i = 0; i < gone.length; i += CHUNK) {
    await InsightCounterModel.deleteMany({ organisationId, _id: mongoose.trusted({ $in: gone.slice(i, i + CHUNK) }) });
  }
}
