import mongoose, { Types } from 'mongoose';

import type { Band, MetricKind } from '@pulse/shared/metrics/scales';

import type { Ctx } from '../../lib/context';
import { ResponseModel, type ResponseDoc } from './response.model';

const trusted = mongoose.trusted;

/** What other modules read of a response in bulk: never the answers' ledger of pending events. */
export type ResponseFacts = Pick<
  ResponseDoc,
  | '_id'
  | 'surveyId'
  | 'surveyVersion'
  | 'kind'
  | 'touchpointId'
  | 'touchpointKey'
  | 'channel'
  | 'contactAttributes'
  | 'score'
  | 'band'
  | 'state'
  | 'comment'
  | 'answeredAt'
  | 'seq'
>;

const FACTS = {
  surveyId: 1,
  surveyVersion: 1,
  kind: 1,
  touchpointId: 1,
  touchpointKey: 1,
  channel: 1,
  contactAttributes: 1,
  score: 1,
  band: 1,
  state: 1,
  comment: 1,
  answeredAt: 1,
  seq: 1,
} as const;

const answeredBetween = (range: { from?: Date; to?: Date }) => {
  const answeredAt: Record<string, Date> = {};
  if (range.from) answeredAt.$gte = range.from;
  if (range.to) answeredAt.$lt = range.to;
  return Object.keys(answeredAt).length ? { answeredAt: trusted(answeredAt) } : {};
};

/**
 * Every response of the organisation answered in a range, as stored now (its latest seq), read
 * with a cursor so a year of answers never sits in memory at once. Rebuilds, the query-time
 * benchmark and segmentation read this; it costs one pass over the organisation's responses in the
 * range (index organisationId + answeredAt).
 */
export async function* streamResponses(
  ctx: Ctx,
  range: { from?: Date; to?: Date; kind?: MetricKind } = {},
): AsyncIterable<ResponseFacts> {
  const filter = {
    organisationId: ctx.organisationId,
    ...answeredBetween(range),
    ...(range.kind && { kind: range.kind }),
  };
  for await (const doc of ResponseModel.find(filter).select(FACTS).lean<ResponseFacts>().cursor({ batchSize: 1000 }))
    yield doc as ResponseFacts;
}

export interface CommentsQuery {
  kind?: MetricKind;
  from?: Date;
  to?: Date;
  band?: Band;
  surveyId?: string;
  touchpointId?: string;
  channel?: string;
  /** Case-insensitive words the comment contains, taken literally. */
  text?: string;
  cursor?: string;
  limit: number;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Confirmed responses with a comment, newest first, in pages (cursor: answer time and id, as in
 * listResponses). Filters are equalities on the response plus a literal, case-insensitive text
 * match; on the dev database every such query scans the organisation's responses.
 */
export async function listComments(ctx: Ctx, q: CommentsQuery) {
  const filter: Record<string, unknown> = {
    organisationId: ctx.organisationId,
    state: 'confirmed',
    comment: trusted({ $type: 'string', ...(q.text ? { $regex: escapeRegex(q.text), $options: 'i' } : {}) }),
    ...answeredBetween(q),
  };
  if (q.kind) filter.kind = q.kind;
  if (q.band) filter.band = q.band;
  if (q.channel) filter.channel = q.channel;
  if (q.surveyId) filter.surveyId = new Types.ObjectId(q.surveyId);
  if (q.touchpointId) filter.touchpointId = new Types.ObjectId(q.touchpointId);
  if (q.cursor) {
    const [ms, id] = q.cursor.split('_') as [string, string];
    const at = new Date(Number(ms));
    filter.$or = [
      { answeredAt: trusted({ $lt: at }) },
      { answeredAt: at, _id: trusted({ $lt: new Types.ObjectId(id) }) },
    ];
  }
  const rows = await ResponseModel.find(filter)
    .select(FACTS)
    .sort({ answeredAt: -1, _id: -1 })
    .limit(q.limit + 1)
    .lean<ResponseFacts[]>();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    responses: page,
    nextCursor: rows.length > q.limit && last ? `${last.answeredAt.getTime()}_${String(last._id)}` : null,
  };
}
