import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { tenantOwned, tenantScoped } from '../tenant';

/**
 * Something that happened in one organisation, stored before anything reacts to it: the record
 * that survives a process dying between the state change and the dispatch. Subscribers mark it
 * done one by one (`done`); `settled` says all of them have, so the sweeper skips it.
 */
const domainEventSchema = new Schema({
  ...tenantOwned,
  type: { type: String, required: true },
  /** Ids, and for the audit log the words a person reads (a target, a few details). */
  data: { type: Schema.Types.Mixed, default: {} },
  actor: {
    kind: { type: String, enum: ['user', 'apiKey', 'system'], required: true },
    id: { type: String, default: null },
    label: { type: String, required: true },
  },
  ip: { type: String, default: null },
  requestId: { type: String, default: null },
  at: { type: Date, required: true, default: () => new Date() },
  done: { type: [String], default: [] },
  settled: { type: Boolean, default: false, required: true },
  /** The last error per subscriber that has not succeeded yet (for the operator), keyed `audit:record`. */
  failures: { type: Schema.Types.Mixed, default: {} },
});
domainEventSchema.plugin(tenantScoped);

export type DomainEvent = InferSchemaType<typeof domainEventSchema> & { _id: Types.ObjectId };
export const DomainEventModel = model('DomainEvent', domainEventSchema);
