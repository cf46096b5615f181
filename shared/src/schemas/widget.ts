import { z } from 'zod';

import { Band } from '../metrics/scales';
import { AnswerValue, OTHER_LIMIT } from './responses';
import { FollowUp, PrimaryQuestion } from './survey-definition';

/**
 * What the website widget receives to show a touchpoint's survey: the texts in the visitor's
 * language with placeholders filled, which band each score falls in (so the script needs no
 * metric code), and a signed state it sends back with each step.
 */
export const WidgetSurvey = z.object({
  state: z.string(),
  language: z.string(),
  dir: z.enum(['ltr', 'rtl']),
  accentColor: z.string(),
  primary: PrimaryQuestion,
  /** Score (as text) → its band. */
  bands: z.record(z.string(), Band),
  followUps: z.array(FollowUp),
  thankYou: z.partialRecord(Band, z.object({ title: z.string(), message: z.string() })),
  honeypotLabel: z.string(),
  /** The touchpoint's fatigue window: a rule-based trigger shows once per contact in this many days. */
  fatigueDays: z.number().int(),
});
export type WidgetSurvey = z.infer<typeof WidgetSurvey>;

export const WidgetSurveyQuery = z
  .object({
    touchpoint: z.string().min(1).max(63),
    lang: z.string().max(20).optional(),
    /** The host site's own reference for the visitor; stored with the answer, never trusted as identity. */
    contact: z.string().max(200).optional(),
  })
  .catchall(z.union([z.string(), z.array(z.string())]));

export const WidgetAnswerBody = z.strictObject({
  state: z.string().max(8000),
  step: z.enum(['score', 'answers']),
  score: z.number().int(),
  answers: z.record(z.string().max(40), AnswerValue).default({}),
  other: z.record(z.string().max(40), z.string().max(OTHER_LIMIT)).default({}),
  /** The honeypot: people never see it, so it stays empty. */
  website: z.string().max(500).default(''),
});
export type WidgetAnswerBody = z.infer<typeof WidgetAnswerBody>;

export const WidgetAnswerResult = z.object({
  next: z.enum(['followUps', 'thankYou']),
  band: Band.nullable(),
});
export type WidgetAnswerResult = z.infer<typeof WidgetAnswerResult>;
