import { Types } from 'mongoose';

import type { Ctx } from '../../lib/context';
import { TimelineEntryModel, type TimelineDoc } from './timeline-entry.model';

export interface TimelineInput {
  kind: 'interaction' | 'invitation' | 'response' | 'case' | 'contact';
  summary: string;
  at?: Date;
  touchpointKey?: string | null;
  channel?: string | null;
  /** The invitation, response or case this entry is about. */
  refId?: string | null;
}

/** Adds one entry to a contact's timeline (interactions, invitations, responses, cases). */
export async function recordTimeline(ctx: Ctx, contactId: string, entry: TimelineInput): Promise<void> {
  await recordTimelineMany(ctx, [{ contactId, ...entry }]);
}

/** One insert for a whole ingest batch. */
export async function recordTimelineMany(ctx: Ctx, entries: Array<TimelineInput & { contactId: string }>) {
  if (!entries.length) return;
  await TimelineEntryModel.insertMany(
    entries.map((e) => ({
      // lean inserts skip casting: the ids are made ObjectIds here.
      organisationId: new Types.ObjectId(ctx.organisationId),
      contactId: new Types.ObjectId(e.contactId),
      at: e.at ?? new Date(),
      kind: e.kind,
      summary: e.summary,
      touchpointKey: e.touchpointKey ?? null,
      channel: e.channel ?? null,
      refId: e.refId ?? null,
    })),
    { lean: true },
  );
}

export const timelineOf = (ctx: Ctx, contactId: string, limit = 200) =>
  TimelineEntryModel.find({ organisationId: ctx.organisationId, contactId })
    .sort({ at: -1, _id: -1 })
    .limit(limit)
    .lean<TimelineDoc[]>();
