import { Types } from 'mongoose';
import { z } from 'zod';

import type { AnswerValue } from '@pulse/shared/schemas/responses';

import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { followUpsForScore, parseAnswers } from '../responses/response-answers';
import { findResponse, recordAnswers, recordScore, type ResponseTarget } from '../responses/responses.service';
import type { RespondentSurvey } from './respondent-survey';
import { looksAutomated, type WebOptions } from './web-guard';
import type { WebState } from './web-state';

const Score = z.coerce.number().int();

export interface AnonymousInput {
  score: unknown;
  /** Follow-up answers by question id, and "other" texts; empty on the score step. */
  values: Record<string, AnswerValue>;
  other: Record<string, string>;
  /** The follow-ups step (the score was sent before, or the survey has none to ask). */
  answering: boolean;
  honeypot: unknown;
  ip: string | undefined;
}

/** What became of an answer from a web link or the widget; each channel words it its own way. */
export type AnonymousOutcome =
  /** Refused without saying why: nothing stored, and the bot sees a thank-you. */
  | { kind: 'automated'; score: number | null }
  | { kind: 'busy'; retryAfterSeconds: number }
  | { kind: 'badScore'; message: string }
  | { kind: 'badAnswers'; score: number; errors: Record<string, string> }
  | { kind: 'answered' }
  /** The score is stored; the band's follow-ups come next. */
  | { kind: 'followUps'; score: number }
  | { kind: 'done'; score: number };

const targetOf = (survey: RespondentSurvey, state: WebState): ResponseTarget => ({
  responseId: new Types.ObjectId(state.responseId),
  survey: survey.survey,
  touchpointId: state.touchpointId,
  touchpointKey: state.touchpointKey,
  channel: state.channel,
  invitationId: null,
  contactId: null,
  hidden: state.hidden,
  language: survey.localised.language,
  startedAt: new Date(state.shownAt),
});

/**
 * One step of an anonymous answer, checked in the order that spends least on a bot: the
 * honeypot and the completion time first, then the per-IP budget (spent once per response, not
 * per step), then the score and answers, all before anything is stored. The response's id comes
 * from the signed state, so a double submit or a replay records one response.
 */
export async function acceptAnonymousAnswer(
  ctx: Ctx,
  survey: RespondentSurvey,
  state: WebState,
  input: AnonymousInput,
  opts: Pick<WebOptions, 'minMs' | 'changeWindowMs'> & { limited: (ip: string | undefined) => Promise<number | null> },
): Promise<AnonymousOutcome> {
  const score = Score.safeParse(input.score);
  if (looksAutomated(input.honeypot, state.shownAt, opts.minMs)) {
    ctx.log.info({ surveyId: state.surveyId, channel: state.channel }, 'anonymous answer refused as automated');
    return { kind: 'automated', score: score.success ? score.data : null };
  }
  if (!(await findResponse(ctx, state.responseId))) {
    const wait = await opts.limited(input.ip);
    if (wait !== null) return { kind: 'busy', retryAfterSeconds: wait };
  }
  const { scale } = survey.definition.primary;
  if (!score.success || score.data < scale.min || score.data > scale.max) {
    return { kind: 'badScore', message: `must be a whole number from ${scale.min} to ${scale.max}` };
  }
  const parsed = parseAnswers(survey.definition, score.data, input.values, input.other);
  if (Object.keys(parsed.errors).length > 0) return { kind: 'badAnswers', score: score.data, errors: parsed.errors };
  try {
    await recordScore(ctx, targetOf(survey, state), {
      score: score.data,
      confirm: true,
      changeWindowMs: opts.changeWindowMs,
    });
    if (!input.answering && followUpsForScore(survey.definition, score.data).length > 0) {
      return { kind: 'followUps', score: score.data };
    }
    await recordAnswers(ctx, state.responseId, {
      answers: parsed.answers,
      comment: parsed.comment,
      changeWindowMs: opts.changeWindowMs,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'conflict') return { kind: 'answered' };
    throw err;
  }
  return { kind: 'done', score: score.data };
}
