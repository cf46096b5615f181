import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * That a rule fired for a response: its _id is derived from (rule, response), so however often
 * the response's events are delivered or the response changes, the rule fires for it once.
 * `announcedAt` is set once alert.triggered is emitted: a worker dying in between leaves it
 * null and the next delivery of the response's event announces it.
 */
const alertFiringSchema = new Schema({
  ...tenantOwned,
  ruleId: { type: Schema.Types.ObjectId, required: true },
  responseId: { type: Schema.Types.ObjectId, required: true },
  /** The event (type and seq) that made the rule match. */
  trigger: { type: String, required: true },
  at: { type: Date, required: true, default: () => new Date() },
  announcedAt: { type: Date, default: null },
});
alertFiringSchema.plugin(tenantScoped);

export type AlertFiringDoc = InferSchemaType<typeof alertFiringSchema> & { _id: Types.ObjectId };
export const AlertFiringModel = model('AlertFiring', alertFiringSchema);
