import { bandOf } from '@pulse/shared/metrics/scales';
import { COMMENT_LIMIT, OTHER_LIMIT, type AnswerValue } from '@pulse/shared/schemas/responses';
import type { FollowUp, SurveyDefinition } from '@pulse/shared/schemas/survey-definition';

export interface StoredAnswer {
  questionId: string;
  text: string | null;
  choices?: string[];
  rating: number | null;
  other: string | null;
}

export interface ParsedAnswers {
  answers: StoredAnswer[];
  /** The text answers joined: plain text, escaped wherever it is shown. */
  comment: string | null;
  /** Problems by question id (empty when the answers are acceptable). */
  errors: Record<string, string>;
}

/** The follow-ups a score's band shows: the only questions that may be answered with it. */
export const followUpsForScore = (def: Pick<SurveyDefinition, 'primary' | 'followUps'>, score: number) => {
  const band = bandOf(def.primary.kind, def.primary.scale, score);
  return def.followUps.filter((q) => q.bands.includes(band));
};

/**
 * Checks follow-up answers against the survey: an unknown question (or one of another band), a
 * choice not offered, a rating off its scale, an oversize comment or a missing required answer
 * is an error naming the question, and then nothing is stored. `other` holds "other" texts.
 */
export function parseAnswers(
  def: Pick<SurveyDefinition, 'primary' | 'followUps'>,
  score: number,
  values: Record<string, AnswerValue | undefined>,
  other: Record<string, string | undefined> = {},
): ParsedAnswers {
  const questions = followUpsForScore(def, score);
  const errors: Record<string, string> = {};
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(values)) {
    if (!known.has(id))
      errors[id] = def.followUps.some((q) => q.id === id)
        ? 'is not asked for this score'
        : 'is not a question of this survey';
  }
  const answers: StoredAnswer[] = [];
  for (const q of questions) {
    const result = answerOf(q, values[q.id], other[q.id]);
    if (typeof result === 'string') errors[q.id] = result;
    else if (result) answers.push(result);
  }
  const texts = answers.map((a) => a.text).filter((t): t is string => Boolean(t));
  return { answers, comment: texts.length ? texts.join('\n\n') : null, errors };
}

const isBlank = (v: AnswerValue | undefined) =>
  v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

function answerOf(
  q: FollowUp,
  value: AnswerValue | undefined,
  otherText: string | undefined,
): StoredAnswer | string | null {
  if (isBlank(value)) return q.required ? 'needs an answer' : null;
  const base = { questionId: q.id, text: null, rating: null, other: null };
  if (q.type === 'text') {
    if (typeof value !== 'string') return 'must be text';
    const text = value.trim();
    if (text.length > COMMENT_LIMIT) return `must be at most ${COMMENT_LIMIT} characters`;
    return { ...base, text };
  }
  if (q.type === 'rating') {
    const rating = typeof value === 'string' ? Number(value) : value;
    if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < q.scale.min || rating > q.scale.max) {
      return `must be a whole number from ${q.scale.min} to ${q.scale.max}`;
    }
    return { ...base, rating };
  }
  const choices = Array.isArray(value) ? value : typeof value === 'string' ? [value] : null;
  if (!choices) return 'must be one of the options';
  if (q.type === 'single' && choices.length > 1) return 'takes one option';
  const offered = new Set([...q.options.map((o) => o.id), ...(q.otherLabel ? ['other'] : [])]);
  const unknown = choices.find((c) => !offered.has(c));
  if (unknown !== undefined) return `offers no option "${unknown.slice(0, 40)}"`;
  const otherValue = choices.includes('other') ? (otherText ?? '').trim() : '';
  if (otherValue.length > OTHER_LIMIT) return `the "other" text must be at most ${OTHER_LIMIT} characters`;
  return { ...base, choices: [...new Set(choices)], other: otherValue || null };
}
