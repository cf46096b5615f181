import { Schema, model, type InferSchemaType } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

const rulesSchema = new Schema(
  {
    surveyId: { type: Schema.Types.ObjectId, default: null },
    channel: { type: String, enum: ['email', 'link'], default: 'email' },
    paused: { type: Boolean, default: false },
    delayMinutes: { type: Number, default: 0 },
    samplingPercent: { type: Number, default: 100 },
    fatigueDays: { type: Number, default: 0 },
    quietHours: { type: new Schema({ start: String, end: String }, { _id: false }), default: null },
    reminders: {
      type: new Schema({ count: Number, spacingHours: Number }, { _id: false }),
      default: () => ({ count: 0, spacingHours: 72 }),
    },
    expiryDays: { type: Number, default: 30 },
  },
  { _id: false },
);

/** A moment in the customer journey other systems report (`support_ticket_closed`), with its rules. */
const touchpointSchema = new Schema(
  {
    ...tenantOwned,
    key: { type: String, required: true },
    name: { type: String, required: true },
    stage: { type: String, required: true },
    order: { type: Number, required: true, default: 0 },
    defaultChannel: { type: String, enum: ['email', 'link'], default: 'email' },
    rules: { type: rulesSchema, default: () => ({}) },
    /** Who is told when its score drops (trend alerts): a team and/or people; neither = the admins. */
    ownerTeamId: { type: Schema.Types.ObjectId, default: null },
    ownerUserIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { timestamps: true },
);
touchpointSchema.index({ organisationId: 1, key: 1 }, { unique: true });
touchpointSchema.plugin(tenantScoped);

export type TouchpointDoc = InferSchemaType<typeof touchpointSchema> & { _id: import('mongoose').Types.ObjectId };
export const TouchpointModel = model('Touchpoint', touchpointSchema);
