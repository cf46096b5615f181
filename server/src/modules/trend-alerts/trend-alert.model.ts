import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { MetricKind } from '@pulse/shared/metrics/scales';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * One significant week-over-week drop of one touchpoint's score. Its `_id` is derived from
 * (organisation, touchpoint, metric, ISO week), so however often the check runs, and on however
 * many workers, a touchpoint-week is recorded — and mailed — once.
 */
const trendAlertSchema = new Schema(
  {
    ...tenantOwned,
    touchpointId: { type: String, required: true },
    kind: { type: String, enum: MetricKind.options, required: true },
    /** The ISO week that dropped, e.g. 2026-W48, in the organisation's reporting zone. */
    week: { type: String, required: true },
    difference: { type: Number, required: true },
    pValue: { type: Number, required: true },
    recipients: { type: [String], default: [] },
  },
  { timestamps: true },
);
trendAlertSchema.plugin(tenantScoped);

export type TrendAlertDoc = InferSchemaType<typeof trendAlertSchema> & { _id: Types.ObjectId };
export const TrendAlertModel = model('TrendAlert', trendAlertSchema);
