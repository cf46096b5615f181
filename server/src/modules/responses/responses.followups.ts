import mongoose, { Types } from 'mongoose';

import { bandsOf, type Band, type MetricKind } from '@pulse/shared/metrics/scales';

import type { Ctx } from '../../lib/context';
import { ResponseModel } from './response.model';

const trusted = mongoose.trusted;

export interface FollowupFacts {
  _id: Types.ObjectId;
  contactId: Types.ObjectId | null;
  touchpointId: Types.ObjectId | null;
  band: Band;
  answeredAt: Date;
}

const FIELDS = { contactId: 1, touchpointId: 1, band: 1, answeredAt: 1 } as const;

/** The lowest band of a metric: NPS detractors, CSAT/CES "low". */
export const lowestBand = (kind: MetricKind): Band => bandsOf(kind)[0]!;

/**
 * Confirmed answers in the metric's lowest band answered in [from, to): one query on
 * organisationId + band + answeredAt, so its cost is the period's low scores, not all answers.
 */
export async function lowBandAnswers(
  ctx: Ctx,
  q: { kind: MetricKind; from: Date; to: Date; touchpointId?: string },
): Promise<FollowupFacts[]> {
  return ResponseModel.find({
    organisationId: ctx.organisationId,
    band: lowestBand(q.kind),
    answeredAt: trusted({ $gte: q.from, $lt: q.to }),
    kind: q.kind,
    state: 'confirmed',
    ...(q.touchpointId && { touchpointId: new Types.ObjectId(q.touchpointId) }),
  })
    .select(FIELDS)
    .lean<FollowupFacts[]>();
}

/**
 * Each contact's first confirmed answer of the metric strictly after its own instant, read in one
 * query per chunk of contacts (organisationId + contactId + answeredAt): the contacts' later
 * answers only, never the organisation's.
 */
export async function nextAnswers(
  ctx: Ctx,
  kind: MetricKind,
  after: ReadonlyMap<string, Date>,
): Promise<Map<string, FollowupFacts>> {
  const next = new Map<string, FollowupFacts>();
  const ids = [...after.keys()];
  const CHUNK = 500;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const earliest = new Date(Math.min(...chunk.map((id) => after.get(id)!.getTime())));
    const rows = await ResponseModel.find({
      organisationId: ctx.organisationId,
      contactId: trusted({ $in: chunk.map((id) => new Types.ObjectId(id)) }),
      answeredAt: trusted({ $gt: earliest }),
      kind,
      state: 'confirmed',
    })
      .select(FIELDS)
      .sort({ answeredAt: 1, _id: 1 })
      .lean<FollowupFacts[]>();
    for (const row of rows) {
      const contact = String(row.contactId);
      if (!next.has(contact) && row.answeredAt > after.get(contact)!) next.set(contact, row);
    }
  }
  return next;
}
