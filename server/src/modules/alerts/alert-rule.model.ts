import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { AlertDelivery, CasePriority, type AlertCondition } from '@pulse/shared/schemas/alerts';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * Who hears of which feedback. Each group is stored as `{ all: AlertCondition[] }` (the dev
 * database refuses nested arrays); the rule is always read whole and evaluated in memory.
 */
const alertRuleSchema = new Schema(
  {
    ...tenantOwned,
    name: { type: String, required: true },
    enabled: { type: Boolean, required: true, default: true },
    groups: { type: [{ _id: false, all: { type: Schema.Types.Mixed, required: true } }], required: true },
    priority: { type: String, enum: CasePriority.options, required: true },
    channels: {
      emails: { type: [String], default: [] },
      teamIds: { type: [Schema.Types.ObjectId], default: [] },
      webhook: { type: Boolean, default: false },
      attributeEmail: { type: String, default: null },
      chatUrl: { type: String, default: null },
    },
    delivery: { type: String, enum: AlertDelivery.options, default: 'immediate' },
    /** A daily digest goes out at this hour of the organisation's reporting time zone. */
    digestHour: { type: Number, default: 0 },
    order: { type: Number, default: 0 },
    stopAfter: { type: Boolean, default: false },
    noAnswerDays: { type: Number, default: null },
    openCase: { type: Boolean, required: true, default: true },
    slaHours: { type: Number, required: true },
  },
  { timestamps: true, minimize: false },
);
alertRuleSchema.plugin(tenantScoped);

export type AlertRuleDoc = InferSchemaType<typeof alertRuleSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const groupsOf = (rule: Pick<AlertRuleDoc, 'groups'>): AlertCondition[][] =>
  rule.groups.map((g) => g.all as AlertCondition[]);
export const storedGroups = (groups: AlertCondition[][]) => groups.map((all) => ({ all }));

export const AlertRuleModel = model('AlertRule', alertRuleSchema);
