import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { AssignmentStrategy } from '@pulse/shared/schemas/teams';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/** Who a new case goes to: the first rule by position whose touchpoint and attribute match. */
const assignmentRuleSchema = new Schema(
  {
    ...tenantOwned,
    name: { type: String, required: true },
    position: { type: Number, required: true, default: 0 },
    touchpointId: { type: Schema.Types.ObjectId, default: null },
    attribute: {
      type: new Schema({ key: String, value: Schema.Types.Mixed }, { _id: false }),
      default: null,
    },
    teamId: { type: Schema.Types.ObjectId, required: true },
    strategy: { type: String, enum: AssignmentStrategy.options, required: true },
    userId: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true },
);
assignmentRuleSchema.plugin(tenantScoped);

export type AssignmentRuleDoc = InferSchemaType<typeof assignmentRuleSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const AssignmentRuleModel = model('AssignmentRule', assignmentRuleSchema);

/**
 * How many cases a team's round robin has handed out: one document per team, its _id derived
 * from the team, moved by one `$inc` so two cases opened at once get different turns.
 */
const roundRobinSchema = new Schema({ ...tenantOwned, turns: { type: Number, required: true, default: 0 } });
roundRobinSchema.plugin(tenantScoped);
export const RoundRobinModel = model('TeamRoundRobin', roundRobinSchema);
