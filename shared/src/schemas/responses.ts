import { z } from 'zod';

import { Band, MetricKind } from '../metrics/scales';
import { Id, IsoDate } from './common';

/** Where an answer came from: the survey email, a web link, the widget, or a system reporting one. */
export const ResponseChannel = z.enum(['email', 'link', 'widget', 'in_app', 'phone', 'kiosk', 'other']);
export type ResponseChannel = z.infer<typeof ResponseChannel>;

/** Channels a system may report through `POST /api/v1/responses` (the others are Pulse's own pages). */
export const ReportedChannel = z.enum(['in_app', 'phone', 'kiosk', 'other']);

/**
 * provisional: recorded by a bare GET of a score link, which a mail scanner may have made; it is
 * reported apart and never counts in a score until the page confirms it.
 */
export const ResponseState = z.enum(['provisional', 'confirmed']);
export type ResponseState = z.infer<typeof ResponseState>;

/**
 * Events a response emits. Each carries what a rollup needs to move its counts without a
 * second read: the score that counted before and the one that counts now (a changed score moves
 * its count, never adds one), and whether each was confirmed.
 */
export const ResponseEventType = z.enum(['response.created', 'response.updated', 'response.completed']);
export type ResponseEventType = z.infer<typeof ResponseEventType>;

export const ResponseEvent = z.object({
  responseId: Id,
  organisationId: Id,
  surveyId: Id,
  touchpointId: Id.nullable(),
  channel: ResponseChannel,
  /** The seq of the change: (responseId, seq) names the event, so subscribers can be idempotent. */
  seq: z.number().int(),
  answeredAt: IsoDate,
  oldScore: z.number().int().nullable(),
  newScore: z.number().int().nullable(),
  wasConfirmed: z.boolean(),
  confirmed: z.boolean(),
});
export type ResponseEvent = z.infer<typeof ResponseEvent>;

/** Comments (text answers) are plain text up to this many characters; longer is refused, not cut. */
export const COMMENT_LIMIT = 2000;
/** The free text of an "other" choice. */
export const OTHER_LIMIT = 500;

/** A follow-up answer as the API takes it: text, choice ids, or a rating. */
export const AnswerValue = z.union([
  z.string().max(COMMENT_LIMIT, `must be at most ${COMMENT_LIMIT} characters`),
  z.array(z.string().max(40)).max(20),
  z.number().int(),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const Answer = z.object({
  questionId: z.string(),
  text: z.string().nullable(),
  choices: z.array(z.string()).optional(),
  rating: z.number().nullable(),
  other: z.string().nullable(),
});

export const Response = z.object({
  id: Id,
  surveyId: Id,
  surveyVersion: z.number().int(),
  kind: MetricKind,
  touchpointId: Id.nullable(),
  touchpointKey: z.string().nullable(),
  channel: ResponseChannel,
  invitationId: Id.nullable(),
  contactId: Id.nullable(),
  contactAttributes: z.record(z.string(), z.unknown()),
  hidden: z.record(z.string(), z.string()),
  language: z.string(),
  score: z.number().int(),
  band: Band,
  state: ResponseState,
  answers: z.array(Answer),
  comment: z.string().nullable(),
  startedAt: IsoDate,
  answeredAt: IsoDate,
  confirmedAt: IsoDate.nullable(),
  completedAt: IsoDate.nullable(),
});
export type Response = z.infer<typeof Response>;

export const ResponsesQuery = z.strictObject({
  surveyId: Id.optional(),
  touchpointId: Id.optional(),
  band: Band.optional(),
  /** Confirmed answers by default: provisional ones are reported apart. */
  state: ResponseState.default('confirmed'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}_[a-f0-9]{24}$/, 'must be a nextCursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type ResponsesQuery = z.infer<typeof ResponsesQuery>;

export const ResponsesPage = z.object({ responses: z.array(Response), nextCursor: z.string().nullable() });

/** A score collected elsewhere (in-app, phone, kiosk), recorded against a touchpoint and contact. */
export const RecordResponseBody = z.strictObject({
  touchpointKey: z.string().min(1).max(63),
  /** The contact by Pulse id or by the reporting system's own reference. */
  contactId: Id.optional(),
  externalId: z.string().min(1).max(200).optional(),
  channel: ReportedChannel,
  score: z.number().int(),
  answers: z.record(z.string().max(40), AnswerValue).default({}),
  answeredAt: IsoDate.optional(),
  language: z.string().max(20).optional(),
  /** The same key twice records one response (a retry after a timeout is safe). */
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type RecordResponseBody = z.infer<typeof RecordResponseBody>;

export const RecordResponseResult = z.object({
  response: Response,
  /** true when the idempotency key named a response already recorded: nothing changed. */
  replayed: z.boolean(),
});
