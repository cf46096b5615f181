import { Schema, Types, model } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/** Append-only: inserts are the cheap write on every backend, so the timeline never updates. */
const timelineEntrySchema = new Schema(
  {
    ...tenantOwned,
    contactId: { type: Schema.Types.ObjectId, required: true, index: true },
    at: { type: Date, required: true },
    kind: { type: String, enum: ['interaction', 'invitation', 'response', 'case', 'contact'], required: true },
    summary: { type: String, required: true },
    touchpointKey: { type: String, default: null },
    channel: { type: String, default: null },
    refId: { type: String, default: null },
  },
  { timestamps: false, versionKey: false },
);
timelineEntrySchema.plugin(tenantScoped);

export interface TimelineDoc {
  _id: Types.ObjectId;
  contactId: Types.ObjectId;
  at: Date;
  kind: string;
  summary: string;
  touchpointKey: string | null;
  channel: string | null;
  refId: string | null;
}
export const TimelineEntryModel = model('TimelineEntry', timelineEntrySchema);
