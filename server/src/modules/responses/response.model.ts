import { Schema, Types, model, type InferSchemaType } from 'mongoose';

import { Band, MetricKind } from '@pulse/shared/metrics/scales';
import { ResponseChannel, ResponseEventType, ResponseState } from '@pulse/shared/schemas/responses';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/** One follow-up answer, by question id: exactly one of text, choices or rating is set. */
const answerSchema = new Schema(
  {
    questionId: { type: String, required: true },
    text: { type: String, default: null },
    choices: { type: [String], default: undefined },
    rating: { type: Number, default: null },
    /** The free text of an "other" choice. */
    other: { type: String, default: null },
  },
  { _id: false },
);

/**
 * A change rollups, alerts and webhooks have not been told about yet. The write that changes the
 * answer pushes it in the same update, so a crash between the change and the dispatch loses
 * nothing: the dispatcher (or a sweeper) emits it and pulls it by seq.
 */
const pendingEventSchema = new Schema(
  {
    seq: { type: Number, required: true },
    type: { type: String, enum: ResponseEventType.options, required: true },
    oldScore: { type: Number, default: null },
    newScore: { type: Number, default: null },
    wasConfirmed: { type: Boolean, required: true },
    confirmed: { type: Boolean, required: true },
    at: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * One respondent's answer to one survey. An invitation's response has the invitation's id as
 * its _id: the unique _id index is what makes "one response per invitation" impossible to break
 * under concurrent submits (the loser of a racing insert gets a duplicate key and re-reads), and
 * every later read or write is the cheap _id equality.
 */
const responseSchema = new Schema(
  {
    ...tenantOwned,
    surveyId: { type: Schema.Types.ObjectId, required: true },
    surveyVersion: { type: Number, required: true },
    kind: { type: String, enum: MetricKind.options, required: true },
    touchpointId: { type: Schema.Types.ObjectId, default: null },
    touchpointKey: { type: String, default: null },
    channel: { type: String, enum: ResponseChannel.options, required: true },
    invitationId: { type: Schema.Types.ObjectId, default: null },
    contactId: { type: Schema.Types.ObjectId, default: null },
    /** The contact's segmentation attributes when they answered: reports slice by what was true then. */
    contactAttributes: { type: Schema.Types.Mixed, default: () => ({}) },
    /** Hidden fields a web link or the widget carried (declared by the survey, validated). */
    hidden: { type: Schema.Types.Mixed, default: () => ({}) },
    language: { type: String, required: true },
    score: { type: Number, required: true },
    band: { type: String, enum: Band.options, required: true },
    /** provisional: a GET recorded it (a mail scanner may have); it never counts until confirmed. */
    state: { type: String, enum: ResponseState.options, required: true },
    answers: { type: [answerSchema], default: [] },
    /** The text answers, joined: what verbatims, alerts and text insights read. Plain text, never HTML. */
    comment: { type: String, default: null },
    /** When the page was first shown (the start of the completion time). */
    startedAt: { type: Date, required: true },
    answeredAt: { type: Date, required: true },
    confirmedAt: { type: Date, default: null },
    completedAt: { type: Date, default: null },
    /** Bumped by every accepted change; conditional updates on it keep racing changes from losing one. */
    seq: { type: Number, required: true, default: 1 },
    pendingEvents: { type: [pendingEventSchema], default: [] },
  },
  { timestamps: true },
);
responseSchema.index({ organisationId: 1, answeredAt: -1 });
// The closed-loop report: a period's low-band answers, and what those contacts answered next.
responseSchema.index({ organisationId: 1, band: 1, answeredAt: 1 });
responseSchema.index({ organisationId: 1, contactId: 1, answeredAt: 1 });
responseSchema.plugin(tenantScoped);

export type ResponseDoc = InferSchemaType<typeof responseSchema> & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};
export const ResponseModel = model('Response', responseSchema);
