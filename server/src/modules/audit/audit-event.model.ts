import { Schema, model, type InferSchemaType } from 'mongoose';

import { AuditAction } from '@pulse/shared/schemas/audit';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/** An append-only record of a security-relevant action in one organisation. */
const auditEventSchema = new Schema({
  ...tenantOwned,
  action: { type: String, enum: AuditAction.options, required: true },
  actorKind: { type: String, enum: ['user', 'apiKey', 'system'], required: true },
  actorId: { type: String, default: null },
  actorLabel: { type: String, required: true },
  target: { type: String, default: null },
  details: { type: Schema.Types.Mixed, default: {} },
  ip: { type: String, default: null },
  at: { type: Date, required: true, default: () => new Date() },
});
auditEventSchema.plugin(tenantScoped);

export type AuditEvent = InferSchemaType<typeof auditEventSchema>;
export const AuditEventModel = model('AuditEvent', auditEventSchema);
