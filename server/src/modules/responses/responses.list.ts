import mongoose, { Types } from 'mongoose';

import type { ResponsesQuery } from '@pulse/shared/schemas/responses';

import type { Ctx } from '../../lib/context';
import { ResponseModel, type ResponseDoc } from './response.model';

const trusted = mongoose.trusted;

/**
 * Responses newest answer first, in pages: the cursor is the last row's answer time and id
 * (ids of invitation responses are the invitations', not time-ordered, so time leads).
 */
export async function listResponses(ctx: Ctx, q: ResponsesQuery) {
  const filter: Record<string, unknown> = { organisationId: ctx.organisationId, state: q.state };
  if (q.surveyId) filter.surveyId = new Types.ObjectId(q.surveyId);
  if (q.touchpointId) filter.touchpointId = new Types.ObjectId(q.touchpointId);
  if (q.band) filter.band = q.band;
  const range: Record<string, Date> = {};
  if (q.from) range.$gte = new Date(q.from);
  if (q.to) range.$lt = new Date(q.to);
  if (Object.keys(range).length) filter.answeredAt = trusted(range);
  if (q.cursor) {
    const [ms, id] = q.cursor.split('_') as [string, string];
    const at = new Date(Number(ms));
    filter.$or = [
      { answeredAt: trusted({ $lt: at }) },
      { answeredAt: at, _id: trusted({ $lt: new Types.ObjectId(id) }) },
    ];
  }
  const rows = await ResponseModel.find(filter)
    .select({ pendingEvents: 0 })
    .sort({ answeredAt: -1, _id: -1 })
    .limit(q.limit + 1)
    .lean<ResponseDoc[]>();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    responses: page,
    nextCursor: rows.length > q.limit && last ? `${last.answeredAt.getTime()}_${String(last._id)}` : null,
  };
}
