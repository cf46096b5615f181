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
 * One turn of a team's round robin, claimed by inserting it under an _id derived from (team,
 * turn): the insert is the one write the dev database makes atomically, so two cases opened at
 * once never get the same turn. (Measured on FerretDB 1.24: six concurrent `$inc`s on one
 * document left it one higher, so a counter alone hands the same turn out twice.)
 */
const roundRobinTurnSchema = new Schema({
  ...tenantOwned,
  teamId: { type: Schema.Types.ObjectId, required: true },
  turn: { type: Number, required: true },
});
roundRobinTurnSchema.plugin(tenantScoped);
export const RoundRobinTurnModel = model('TeamRoundRobinTurn', roundRobinTurnSchema);

/** Where a team's next free turn is likely to be: a hint read by _id, never above a claimed turn. */
const roundRobinSchema = new Schema({ ...tenantOwned, next: { type: Number, required: true, default: 0 } });
roundRobinSchema.plugin(tenantScoped);
export const RoundRobinModel = model('TeamRoundRobin', roundRobinSchema);
