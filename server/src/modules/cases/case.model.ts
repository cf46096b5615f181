import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { CasePriority } from '@pulse/shared/schemas/alerts';
import { CaseStatus, RootCause } from '@pulse/shared/schemas/cases';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

const timelineEntrySchema = new Schema(
  {
    kind: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    text: { type: String, default: null },
    from: { type: String, default: null },
    to: { type: String, default: null },
  },
  { _id: false },
);

/** What the customer said when the case opened: later edits of the response do not rewrite it. */
const snapshotSchema = new Schema(
  {
    score: { type: Number, required: true },
    band: { type: String, required: true },
    comment: { type: String, default: null },
    touchpointId: { type: Schema.Types.ObjectId, default: null },
    touchpointKey: { type: String, default: null },
    channel: { type: String, required: true },
    contactId: { type: Schema.Types.ObjectId, default: null },
    contactEmail: { type: String, default: null },
    contactName: { type: String, default: null },
  },
  { _id: false },
);

/**
 * A follow-up on one response. Its _id is derived from the response, so a rule firing twice, two
 * rules matching, or an agent opening it by hand while a rule does, all end at the one case.
 * Every change is a conditional update on `seq` that also pushes its timeline entry: two agents
 * changing it at once never lose one change, and the history is the document's own.
 */
const caseSchema = new Schema(
  {
    ...tenantOwned,
    /** A short number people say on the phone ("case 42"); unique enough per organisation. */
    number: { type: Number, required: true },
    responseId: { type: Schema.Types.ObjectId, required: true },
    ruleId: { type: Schema.Types.ObjectId, default: null },
    openedBy: { type: String, enum: ['rule', 'agent'], required: true },
    status: { type: String, enum: CaseStatus.options, required: true, default: 'new' },
    priority: { type: String, enum: CasePriority.options, required: true },
    assigneeId: { type: Schema.Types.ObjectId, default: null },
    tags: { type: [String], default: [] },
    dueAt: { type: Date, required: true },
    snapshot: { type: snapshotSchema, required: true },
    rootCause: { type: String, enum: [...RootCause.options, null], default: null },
    resolved: { type: Boolean, default: null },
    firstReplyAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    seq: { type: Number, required: true, default: 1 },
    timeline: { type: [timelineEntrySchema], default: [] },
    /** case.created is emitted after the insert; null until it was, so a redelivery finishes it. */
    announcedAt: { type: Date, default: null },
  },
  { timestamps: true },
);
caseSchema.plugin(tenantScoped);

export type CaseDoc = InferSchemaType<typeof caseSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const CaseModel = model('Case', caseSchema);
