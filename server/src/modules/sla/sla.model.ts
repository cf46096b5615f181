import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { CasePriority } from '@pulse/shared/schemas/alerts';
import { NotifyWhom, SlaClock, SlaTarget, WEEKDAYS } from '@pulse/shared/schemas/sla';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

const hoursSchema = new Schema({ start: String, end: String }, { _id: false });

/** The organisation's business-hours calendar: one per organisation, its _id derived from it. */
const calendarSchema = new Schema(
  {
    ...tenantOwned,
    timeZone: { type: String, required: true },
    hours: new Schema(Object.fromEntries(WEEKDAYS.map((d) => [d, { type: [hoursSchema], default: [] }])), {
      _id: false,
    }),
    holidays: { type: [new Schema({ date: String, name: String }, { _id: false })], default: [] },
  },
  { timestamps: true },
);
calendarSchema.plugin(tenantScoped);

const stepSchema = new Schema(
  {
    target: { type: String, enum: SlaTarget.options, required: true },
    percent: { type: Number, required: true },
    notify: { type: [String], enum: NotifyWhom.options, default: [] },
    reassignTo: { type: Schema.Types.ObjectId, default: null },
    teamId: { type: Schema.Types.ObjectId, default: null },
    raisePriority: { type: Boolean, default: false },
  },
  { _id: false },
);

/**
 * Targets for cases of one touchpoint × priority; null in either means "any", and the policy
 * with both null is the organisation's default. The unique index keeps one per pair.
 */
const policySchema = new Schema(
  {
    ...tenantOwned,
    name: { type: String, required: true },
    touchpointId: { type: Schema.Types.ObjectId, default: null },
    priority: { type: String, enum: [...CasePriority.options, null], default: null },
    clock: { type: String, enum: SlaClock.options, required: true },
    firstResponseMinutes: { type: Number, required: true },
    resolutionMinutes: { type: Number, required: true },
    escalations: { type: [stepSchema], default: [] },
  },
  { timestamps: true },
);
policySchema.index({ organisationId: 1, touchpointId: 1, priority: 1 }, { unique: true });
policySchema.plugin(tenantScoped);

/**
 * One escalation step that fired on one case. Its _id is derived from (case, target, share, due
 * time), so the insert is the once-guard: a retry or a second delivery finds it and only
 * finishes what the first left undone (`doneAt` null), with the same plan.
 */
const firingSchema = new Schema(
  {
    ...tenantOwned,
    caseId: { type: Schema.Types.ObjectId, required: true },
    target: { type: String, enum: SlaTarget.options, required: true },
    percent: { type: Number, required: true },
    fireAt: { type: Date, required: true },
    reassignTo: { type: Schema.Types.ObjectId, default: null },
    priority: { type: String, default: null },
    recipients: { type: [String], default: [] },
    doneAt: { type: Date, default: null },
  },
  { timestamps: true },
);
firingSchema.index({ organisationId: 1, caseId: 1 });
firingSchema.plugin(tenantScoped);

export type SlaCalendarDoc = InferSchemaType<typeof calendarSchema> & { _id: Types.ObjectId };
export type SlaPolicyDoc = InferSchemaType<typeof policySchema> & { _id: Types.ObjectId; updatedAt: Date };
export type SlaFiringDoc = InferSchemaType<typeof firingSchema> & { _id: Types.ObjectId };
export const SlaCalendarModel = model('SlaCalendar', calendarSchema);
export const SlaPolicyModel = model('SlaPolicy', policySchema);
export const SlaFiringModel = model('SlaFiring', firingSchema);
