import type { Types } from 'mongoose';

import { bandOf, isScoreOnScale, type Band, type MetricKind, type Scale } from '@pulse/shared/metrics/scales';
import type { ResponseChannel, ResponseEventType } from '@pulse/shared/schemas/responses';

import type { Ctx } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { emit } from '../../lib/events/events';
import { findOwnedById } from '../../lib/tenant';
import type { StoredAnswer } from './response-answers';
import { ResponseModel, type ResponseDoc } from './response.model';

/** Everything a response records about where it came from, fixed when it is first stored. */
export interface ResponseTarget {
  /** An invitation's response takes the invitation's id; other channels pass a fresh or derived id. */
  responseId: Types.ObjectId;
  survey: { id: string; version: number; kind: MetricKind; scale: Scale };
  touchpointId: string | null;
  touchpointKey: string | null;
  channel: ResponseChannel;
  invitationId: string | null;
  contactId: string | null;
  /** The contact's attributes as they are now; a function is read only if this call inserts. */
  contactAttributes?: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
  hidden?: Record<string, string>;
  language: string;
  startedAt?: Date;
  /**
   * The caller knows no response is likely stored yet (an invitation never clicked): the insert
   * is tried before any read, and a duplicate key falls back to the usual read.
   */
  likelyNew?: boolean;
}

export interface ScoreInput {
  score: number;
  /** false for a bare GET (maybe a scanner): stored provisional, never counted until confirmed. */
  confirm: boolean;
  /** How long after the first answer the respondent may still change it. */
  changeWindowMs: number;
  /** When it was answered, if not now (a score collected elsewhere). */
  answeredAt?: Date;
}

/** What the page and the API need back: the stored answer, and whether this call changed it. */
export interface ScoreOutcome {
  response: ResponseDoc;
  changed: boolean;
}

/** Racing changes retry on a fresh read; a handful of rounds settles 50 concurrent callers. */
const MAX_ROUNDS = 60;

/** By `_id` alone, then checked against the organisation: FerretDB scans for `{ _id, organisationId }`. */
export async function findResponse(ctx: Ctx, responseId: Types.ObjectId | string): Promise<ResponseDoc | null> {
  return findOwnedById<ResponseDoc>(ResponseModel as never, ctx.organisationId, responseId);
}

/**
 * Stores a score, or moves the one stored. One response per id whatever the concurrency: the
 * first insert wins, every racing caller gets a duplicate key, re-reads, and (asking the same)
 * gets the same answer back. A changed score is a conditional update on `seq`, so two changes
 * never interleave, and it moves the answer rather than adding one.
 */
export async function recordScore(ctx: Ctx, target: ResponseTarget, input: ScoreInput): Promise<ScoreOutcome> {
  const { kind, scale } = target.survey;
  if (!isScoreOnScale(scale, input.score)) {
    throw new AppError('validation_failed', `The score must be a whole number from ${scale.min} to ${scale.max}`, [
      { path: 'score', message: `must be a whole number from ${scale.min} to ${scale.max}` },
    ]);
  }
  const band = bandOf(kind, scale, input.score);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = new Date();
    const existing = round === 0 && target.likelyNew ? null : await findResponse(ctx, target.responseId);
    if (!existing) {
      const created = await insertFirst(ctx, target, input, band, now);
      if (created) return { response: await publish(ctx, created), changed: true };
      continue;
    }
    const wantConfirmed = input.confirm || existing.state === 'confirmed';
    // A bare GET never changes a confirmed answer: a scanner following another score's link
    // must not move it. Only a confirming request does.
    if (existing.score === input.score && (existing.state === 'confirmed') === wantConfirmed) {
      return { response: existing, changed: false };
    }
    if (existing.state === 'confirmed' && !input.confirm) return { response: existing, changed: false };
    assertChangeable(existing, input.changeWindowMs, now);
    const updated = await ResponseModel.findOneAndUpdate(
      { _id: existing._id, organisationId: ctx.organisationId, seq: existing.seq },
      {
        $set: {
          score: input.score,
          band,
          // answeredAt stays the first answer's time: a rollup's bucket never moves.
          state: wantConfirmed ? 'confirmed' : 'provisional',
          ...(wantConfirmed && !existing.confirmedAt && { confirmedAt: now }),
        },
        $inc: { seq: 1 },
        $push: {
          pendingEvents: change(existing.seq + 1, 'response.updated', existing, input.score, wantConfirmed, now),
        },
      },
      { returnDocument: 'after' },
    ).lean<ResponseDoc>();
    if (updated) return { response: await publish(ctx, updated), changed: true };
  }
  throw new AppError('conflict', 'The answer is changing too often; try again');
}

async function insertFirst(
  ctx: Ctx,
  target: ResponseTarget,
  input: ScoreInput,
  band: Band,
  now: Date,
): Promise<ResponseDoc | null> {
  const answeredAt = input.answeredAt ?? now;
  const attributes = target.contactAttributes;
  const doc = {
    _id: target.responseId,
    organisationId: ctx.organisationId,
    surveyId: target.survey.id,
    surveyVersion: target.survey.version,
    kind: target.survey.kind,
    touchpointId: target.touchpointId,
    touchpointKey: target.touchpointKey,
    channel: target.channel,
    invitationId: target.invitationId,
    contactId: target.contactId,
    contactAttributes: (typeof attributes === 'function' ? await attributes() : attributes) ?? {},
    hidden: target.hidden ?? {},
    language: target.language,
    score: input.score,
    band,
    state: input.confirm ? ('confirmed' as const) : ('provisional' as const),
    startedAt: target.startedAt ?? now,
    answeredAt,
    confirmedAt: input.confirm ? now : null,
    seq: 1,
    pendingEvents: [change(1, 'response.created', null, input.score, input.confirm, now)],
  };
  try {
    const created = await ResponseModel.create(doc);
    return created.toObject() as ResponseDoc;
  } catch (err) {
    if ((err as { code?: number }).code === 11000) return null;
    throw err;
  }
}

/** Within the window the respondent may change their mind; after it the answer stands. */
export function assertChangeable(existing: Pick<ResponseDoc, 'createdAt'>, windowMs: number, now = new Date()) {
  if (now.getTime() - existing.createdAt.getTime() > windowMs) {
    throw new AppError('conflict', 'This survey was already answered and can no longer be changed');
  }
}

export function change(
  seq: number,
  type: ResponseEventType,
  before: Pick<ResponseDoc, 'score' | 'state'> | null,
  newScore: number,
  confirmed: boolean,
  at: Date,
) {
  return {
    seq,
    type,
    oldScore: before?.score ?? null,
    newScore,
    wasConfirmed: before?.state === 'confirmed',
    confirmed,
    at,
  };
}

/**
 * Stores the follow-up answers (already checked by parseAnswers) on a response that has its
 * score: the first time completes it, a later change within the window replaces them, and the
 * same answers sent again (a double submit, a replay) change nothing.
 */
export async function recordAnswers(
  ctx: Ctx,
  responseId: Types.ObjectId | string,
  input: { answers: StoredAnswer[]; comment: string | null; changeWindowMs: number },
): Promise<ResponseDoc> {
  const wanted = JSON.stringify(input.answers.map(normalised));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = new Date();
    const existing = await findResponse(ctx, responseId);
    if (!existing) throw notFound('Response');
    if (existing.completedAt && JSON.stringify((existing.answers as AnswerLike[]).map(normalised)) === wanted)
      return existing;
    if (existing.completedAt) assertChangeable(existing, input.changeWindowMs, now);
    const type = existing.completedAt ? 'response.updated' : 'response.completed';
    const confirmed = existing.state === 'confirmed';
    const updated = await ResponseModel.findOneAndUpdate(
      { _id: existing._id, organisationId: ctx.organisationId, seq: existing.seq },
      {
        $set: { answers: input.answers, comment: input.comment, completedAt: existing.completedAt ?? now },
        $inc: { seq: 1 },
        $push: { pendingEvents: change(existing.seq + 1, type, existing, existing.score, confirmed, now) },
      },
      { returnDocument: 'after' },
    ).lean<ResponseDoc>();
    if (updated) return publish(ctx, updated);
  }
  throw new AppError('conflict', 'The answer is changing too often; try again');
}

interface AnswerLike {
  questionId: string;
  text?: string | null;
  choices?: string[] | null;
  rating?: number | null;
  other?: string | null;
}
const normalised = (a: AnswerLike) => ({
  questionId: a.questionId,
  text: a.text ?? null,
  choices: a.choices?.length ? a.choices : null,
  rating: a.rating ?? null,
  other: a.other ?? null,
});

/**
 * Emits the changes a write left pending on the response, then clears them. The change and its
 * pending event were one write, so a crash here leaves the event on the document rather than
 * losing it. Subscribers (rollups: applyScoreChange) key their effect by (responseId, seq) and
 * reload the response by id for anything more.
 */
export async function publish(ctx: Ctx, doc: ResponseDoc): Promise<ResponseDoc> {
  const pending = doc.pendingEvents ?? [];
  for (const e of pending) {
    // Ids and scores: the dispatch may carry the event unless a teammate's address names its actor.
    await emit(
      ctx,
      e.type,
      {
        target: String(doc._id),
        responseId: String(doc._id),
        seq: e.seq,
        surveyId: String(doc.surveyId),
        // Fixed at the first answer: subscribers need not reload the response for them.
        surveyVersion: doc.surveyVersion,
        kind: doc.kind,
        touchpointId: doc.touchpointId ? String(doc.touchpointId) : null,
        channel: doc.channel,
        answeredAt: doc.answeredAt.toISOString(),
        oldScore: e.oldScore ?? null,
        newScore: e.newScore ?? null,
        wasConfirmed: e.wasConfirmed,
        confirmed: e.confirmed,
      },
      { carry: ctx.actor.kind !== 'user' },
    );
  }
  if (pending.length === 0) return doc;
  // Cleared only if nothing changed since: a later change publishes what is left (at least once;
  // subscribers are idempotent per (responseId, seq)).
  await ResponseModel.updateOne(
    { _id: doc._id, organisationId: ctx.organisationId, seq: doc.seq },
    { $set: { pendingEvents: [] } },
  );
  return { ...doc, pendingEvents: [] as unknown as ResponseDoc['pendingEvents'] };
}
