import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

import { CasePriority } from '@pulse/shared/schemas/alerts';
import { CaseStatus, RootCause } from '@pulse/shared/schemas/cases';
import { SlaClock } from '@pulse/shared/schemas/sla';

import { clock } from '../../lib/clock';
import { tenantOwned, tenantScoped } from '../../lib/tenant';

const timelineEntrySchema = new Schema(
  {
    kind: { type: String, required: true },
    at: { type: Date, required: true },
    actor: { type: String, required: true },
    text: { type: String, default: null },
    from: { type: String, default: null },
    to: { type: String, default: null },
    /** What wrote the entry when it must be written once (an escalation's firing id). */
    ref: { type: String, default: null },
  },
  { _id: false },
);

/**
 * The case's SLA, as other modules read it: due times on the policy's clock, counted from the
 * opening, and when the customer first heard back and when a target was first missed.
 */
const slaSchema = new Schema(
  {
    policyId: { type: Schema.Types.ObjectId, default: null },
    clock: { type: String, enum: SlaClock.options, required: true },
    firstResponseDueAt: { type: Date, default: null },
    resolutionDueAt: { type: Date, default: null },
    firstRespondedAt: { type: Date, default: null },
    breachedAt: { type: Date, default: null },
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
    /** A short number people say on the phone ("case 42"), unique per organisation (see claimNumber). */
    number: { type: Number, required: true },
    responseId: { type: Schema.Types.ObjectId, required: true },
    ruleId: { type: Schema.Types.ObjectId, default: null },
    openedBy: { type: String, enum: ['rule', 'agent'], required: true },
    status: { type: String, enum: CaseStatus.options, required: true, default: 'new' },
    priority: { type: String, enum: CasePriority.options, required: true },
    assigneeId: { type: Schema.Types.ObjectId, default: null },
    teamId: { type: Schema.Types.ObjectId, default: null },
    tags: { type: [String], default: [] },
    /** The resolution due time, kept for sorting the inbox. */
    dueAt: { type: Date, required: true },
    sla: { type: slaSchema, required: true },
    snapshot: { type: snapshotSchema, required: true },
    rootCause: { type: String, enum: [...RootCause.options, null], default: null },
    resolved: { type: Boolean, default: null },
    firstReplyAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
    seq: { type: Number, required: true, default: 1 },
    timeline: { type: [timelineEntrySchema], default: [] },
    /** The opening instant the due times count from: openCase sets it, so both are one reading. */
    createdAt: { type: Date, immutable: true },
    /**
     * Set by the write that moves the status, cleared once case.status_changed is stored: a
     * crash in between leaves it set, and the sweeper announces the move (see sweep-case-status).
     */
    statusPendingAt: { type: Date, default: null },
    /** case.created is emitted after the insert; null until it was, so a redelivery finishes it. */
    announcedAt: { type: Date, default: null },
  },
  // SLA arithmetic counts from createdAt, on the same clock as the due times (tests speed it up).
  { timestamps: { currentTime: () => clock().now() } },
);
caseSchema.plugin(tenantScoped);

export type CaseDoc = InferSchemaType<typeof caseSchema> & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date };
export const CaseModel = model('Case', caseSchema);
