import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

const outcome = new Schema({ state: String, detail: { type: String, default: null } }, { _id: false });

/**
 * That a rule fired for a response: its _id is derived from (rule, response), so however often
 * the response's events are delivered or the response changes, the rule fires for it once.
 * `announcedAt` is set once alert.triggered is emitted: a worker dying in between leaves it
 * null and the next delivery of the response's event announces it. A "no answer" firing names an
 * invitation instead of a response. Each channel records what became of it, for people to see.
 */
const alertFiringSchema = new Schema({
  ...tenantOwned,
  ruleId: { type: Schema.Types.ObjectId, required: true },
  kind: { type: String, enum: ['response', 'no_answer'], default: 'response' },
  responseId: { type: Schema.Types.ObjectId, default: null },
  invitationId: { type: Schema.Types.ObjectId, default: null },
  /** A "no answer" firing's invitation as it was: whom it asked, where, when. */
  contactId: { type: Schema.Types.ObjectId, default: null },
  touchpointKey: { type: String, default: null },
  invitedAt: { type: Date, default: null },
  /** The event (type and seq) that made the rule match. */
  trigger: { type: String, required: true },
  at: { type: Date, required: true, default: () => new Date() },
  announcedAt: { type: Date, default: null },
  /** The case the response's firing opened (or found), for links. */
  caseId: { type: Schema.Types.ObjectId, default: null },
  /** The address a contact attribute gave, or why there was none ("skipped: no address"). */
  attributeEmail: { type: outcome, default: null },
  /** The chat message: pending → delivered, or failed with the last error. */
  chat: { type: outcome, default: null },
  /** Hourly or daily rules: null until a digest batch lists the firing (its _id in `detail`). */
  digest: { type: outcome, default: null },
  /** The rule's delivery mode when it fired: what the digest sweep looks for. */
  delivery: { type: String, default: 'immediate' },
});
alertFiringSchema.index({ ruleId: 1, at: -1 });
alertFiringSchema.plugin(tenantScoped);

export type AlertFiringDoc = InferSchemaType<typeof alertFiringSchema> & { _id: Types.ObjectId };
export const AlertFiringModel = model('AlertFiring', alertFiringSchema);
