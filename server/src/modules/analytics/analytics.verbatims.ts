import { Readable } from 'node:stream';

import { stringify } from 'csv-stringify';
import { Types } from 'mongoose';

import { figureOf, MIN_RESPONSES } from '@pulse/shared/metrics/figures';
import { addDaysToKey, localDay, localDayStart } from '@pulse/shared/metrics/time-buckets';
import type {
  MetricsFilter,
  SegmentsQuery,
  SegmentsResponse,
  Verbatim,
  VerbatimsQuery,
  VerbatimsResponse,
} from '@pulse/shared/schemas/analytics';

import type { Scale } from '@pulse/shared/metrics/scales';

import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { listComments, streamResponses, type ResponseFacts } from '../responses/responses.read';
import { select } from './analytics.selection';
import { scaleOf } from './response-source';
import { reportingZone } from './rollups.service';

/**
 * Reads served from raw responses (through the responses module), not from rollups: comments
 * and contact attributes are not in the histograms. Each costs a pass over the organisation's
 * responses in the period (index organisationId + answeredAt), so they are paged or limited.
 */

const DEFAULT_DAYS = 30;

/** Local days in the reporting zone → the instants that bound them. */
async function periodOf(ctx: Ctx, filter: Pick<MetricsFilter, 'from' | 'to'>) {
  const zone = await reportingZone(ctx);
  const to = filter.to ?? localDay(new Date(), zone);
  const from = filter.from ?? addDaysToKey(to, -(DEFAULT_DAYS - 1));
  return { zone, from: localDayStart(from, zone), to: localDayStart(addDaysToKey(to, 1), zone) };
}

/** Rollup series name a missing touchpoint '-'; stored ids are ObjectIds: anything else matches nothing. */
const idFilter = (id: string | undefined) =>
  id === undefined ? { ok: true } : { ok: Types.ObjectId.isValid(id) && id.length === 24, id };

const present = (r: ResponseFacts, zone: string): Verbatim => ({
  id: String(r._id),
  score: r.score,
  band: r.band,
  surveyId: String(r.surveyId),
  touchpointId: r.touchpointId ? String(r.touchpointId) : null,
  touchpointKey: r.touchpointKey ?? null,
  channel: r.channel,
  answeredAt: r.answeredAt.toISOString(),
  day: localDay(r.answeredAt, zone),
  comment: r.comment ?? '',
});

export async function verbatims(ctx: Ctx, q: VerbatimsQuery): Promise<VerbatimsResponse> {
  const { zone, from, to } = await periodOf(ctx, q);
  const survey = idFilter(q.surveyId);
  const touchpoint = idFilter(q.touchpointId);
  if (!survey.ok || !touchpoint.ok) return { timeZone: zone, verbatims: [], nextCursor: null };
  const page = await listComments(ctx, {
    kind: q.kind,
    from,
    to,
    band: q.band,
    surveyId: survey.id,
    touchpointId: touchpoint.id,
    channel: q.channel,
    text: q.q,
    cursor: q.cursor,
    limit: q.limit,
  });
  return { timeZone: zone, verbatims: page.responses.map((r) => present(r, zone)), nextCursor: page.nextCursor };
}

const CSV_PAGE = 100;

/** The verbatims of the current view as CSV, streamed page by page; formulas are neutralised. */
export function verbatimsCsv(ctx: Ctx, q: Omit<VerbatimsQuery, 'cursor' | 'limit'>): Readable {
  const rows = Readable.from(
    (async function* () {
      let cursor: string | undefined;
      do {
        const page = await verbatims(ctx, { ...q, cursor, limit: CSV_PAGE });
        for (const v of page.verbatims)
          yield {
            answered_at: v.answeredAt,
            local_day: v.day,
            score: v.score,
            band: v.band,
            touchpoint: v.touchpointKey ?? '',
            channel: v.channel,
            survey_id: v.surveyId,
            comment: v.comment,
          };
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    })(),
  );
  return rows.pipe(
    stringify({
      header: true,
      columns: ['answered_at', 'local_day', 'score', 'band', 'touchpoint', 'channel', 'survey_id', 'comment'],
      // A comment starting with =, +, - or @ would run as a formula in a spreadsheet.
      escape_formulas: true,
    }),
  );
}

/**
 * The figure per value of one contact attribute (the snapshot stored with each answer). Served
 * from raw responses: it reads every answer of the metric in the period, so its cost grows with
 * the responses (`scanned` says how many), unlike the rollup-backed reads.
 */
export async function segments(ctx: Ctx, q: SegmentsQuery): Promise<SegmentsResponse> {
  const sel = await select(ctx, q);
  const { from, to } = await periodOf(ctx, { from: sel.from, to: sel.to });
  const counts = new Map<string, Record<string, number>>();
  const scales = new Map<string, Scale>();
  let scanned = 0;
  for await (const r of streamResponses(ctx, { from, to, kind: q.kind })) {
    scanned++;
    if (r.state !== 'confirmed') continue;
    if (q.surveyId && String(r.surveyId) !== q.surveyId) continue;
    if (q.touchpointId && (r.touchpointId ? String(r.touchpointId) : '-') !== q.touchpointId) continue;
    if (q.channel && r.channel !== q.channel) continue;
    const scale = await scaleOf(ctx, String(r.surveyId), r.surveyVersion);
    scales.set(`${scale.min}-${scale.max}`, scale);
    const raw = (r.contactAttributes as Record<string, unknown> | undefined)?.[q.attribute];
    const value = raw === undefined || raw === null || raw === '' ? '(none)' : String(raw);
    const c = counts.get(value) ?? {};
    c[r.score] = (c[r.score] ?? 0) + 1;
    counts.set(value, c);
  }
  // Histograms on different scales cannot be added, as in the rollup reads.
  if (scales.size > 1)
    throw new AppError('validation_failed', 'The request is not valid', [
      { path: 'query.surveyId', message: 'these surveys ask on different scales: choose one survey' },
    ]);
  const scale = [...scales.values()][0] ?? sel.scale;
  return {
    kind: sel.kind,
    scale,
    timeZone: sel.timeZone,
    minResponses: MIN_RESPONSES,
    period: { from: sel.from, to: sel.to },
    attribute: q.attribute,
    scanned,
    segments: [...counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([value, c]) => {
        const { kind: _k, scale: _s, ...figure } = figureOf(sel.kind, scale, c);
        return { value, figure };
      }),
  };
}
