import { z } from 'zod';

import { Band, MetricKind, bandsOf, isAllowedScale } from '../metrics/scales';
import { AA_NORMAL_TEXT, contrastRatio } from '../surveys/contrast';
import { placeholderProblems } from '../surveys/placeholders';
import { textEntries } from '../surveys/texts';

/**
 * The one definition of a survey: what the builder edits, the API stores and versions, and the
 * respondent pages, widget and emails render. Limits are part of the contract so no survey can
 * grow into a denial of service (a 10,000-question survey or a megabyte label is refused, with
 * the JSON path of each problem).
 */
export const LIMITS = {
  followUps: 20,
  options: 20,
  languages: 20,
  hiddenFields: 20,
  text: 500,
  label: 120,
  message: 2000,
  url: 2000,
} as const;

/** A language tag: `en`, `fr`, `pt-BR`. */
export const Language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z][A-Za-z]{1,3})?$/, 'must be a language tag such as en or pt-BR');
export type Language = z.infer<typeof Language>;

/** Stable ids: answers and translations refer to questions and options by these, never by position. */
const Slug = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be 1–40 lower-case letters, digits, - or _, starting with a letter');

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const Text = text(LIMITS.text);
const Label = text(LIMITS.label);
const Message = text(LIMITS.message);

export const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http or https address' })
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`);

export const Display = z.enum(['number', 'star', 'emoji']);
export type Display = z.infer<typeof Display>;

const ScaleShape = z.strictObject({ min: z.number().int().min(0).max(1), max: z.number().int().min(3).max(10) });

export const PrimaryQuestion = z.strictObject({
  kind: MetricKind,
  /** Must be one of the kind's scales in shared/metrics (NPS 0–10, CSAT 1–3/1–5/1–7, CES 1–7/1–5). */
  scale: ScaleShape,
  display: Display.default('number'),
  text: Text,
  minLabel: Label,
  maxLabel: Label,
});
export type PrimaryQuestion = z.infer<typeof PrimaryQuestion>;

const questionBase = {
  id: Slug,
  text: Text,
  required: z.boolean().default(false),
  /** Which score bands see this question; bands are those of the primary metric. */
  bands: z.array(Band).min(1, 'must show for at least one band').max(3),
};

export const Option = z.strictObject({ id: Slug, label: Label });
export type Option = z.infer<typeof Option>;

export const TextQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('text'),
  placeholder: Label.nullable().default(null),
});
export const ChoiceQuestion = z.strictObject({
  ...questionBase,
  type: z.enum(['single', 'multiple']),
  options: z.array(Option).min(2, 'needs at least 2 options').max(LIMITS.options, `at most ${LIMITS.options} options`),
  /** When set, an "other" choice with a text box, labelled with this. */
  otherLabel: Label.nullable().default(null),
});
export const RatingQuestion = z.strictObject({
  ...questionBase,
  type: z.literal('rating'),
  scale: ScaleShape,
  display: Display.default('number'),
  minLabel: Label,
  maxLabel: Label,
});
export const FollowUp = z.discriminatedUnion('type', [TextQuestion, ChoiceQuestion, RatingQuestion]);
export type FollowUp = z.infer<typeof FollowUp>;
export type QuestionType = FollowUp['type'];

export const ThankYou = z.strictObject({
  title: Label,
  message: Message,
  /** Where the respondent goes after this thank-you; only http(s), never javascript: or data:. */
  redirectUrl: HttpUrl.nullable().default(null),
});
export type ThankYou = z.infer<typeof ThankYou>;

export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1f6feb');

export const Branding = z.strictObject({
  logoUrl: HttpUrl.nullable().default(null),
  accentColor: Colour.default('#1c6bd6'),
});

/** The invitation email's copy (issue 10 renders it); translated like the rest. */
export const EmailCopy = z.strictObject({
  subject: Label,
  intro: Message,
  /** Shown as the sender's name; the organisation's name when null. */
  senderName: text(100).nullable().default(null),
});

/** Values a web link carries in its query string (`/s/<key>?orderId=…`), stored with the answer. */
export const HiddenField = z.strictObject({
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'must be a field name such as orderId'),
});

/** Per language other than the default: text key (see surveys/texts.ts) → translated text. */
export const Translations = z.record(Language, z.record(z.string().max(100), z.string().max(LIMITS.message)));

const SurveyDefinitionShape = z.strictObject({
  defaultLanguage: Language,
  /** Every language the survey is offered in, the default included. */
  languages: z.array(Language).min(1).max(LIMITS.languages),
  primary: PrimaryQuestion,
  followUps: z.array(FollowUp).max(LIMITS.followUps, `a survey has at most ${LIMITS.followUps} follow-up questions`),
  thankYou: z.partialRecord(Band, ThankYou),
  translations: Translations.default({}),
  branding: Branding.default({ logoUrl: null, accentColor: '#1c6bd6' }),
  email: EmailCopy,
  hiddenFields: z.array(HiddenField).max(LIMITS.hiddenFields).default([]),
});

export const SurveyDefinition = SurveyDefinitionShape.superRefine((def, ctx) => {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const { kind, scale } = def.primary;
  const bands = bandsOf(kind);

  if (!isAllowedScale(kind, scale)) {
    issue(['primary', 'scale'], `a ${kind.toUpperCase()} question cannot use a ${scale.min}–${scale.max} scale`);
  }
  if (!def.languages.includes(def.defaultLanguage)) issue(['languages'], 'must include the default language');
  duplicates(def.languages).forEach((i) => issue(['languages', i], 'is listed twice'));
  duplicates(def.hiddenFields.map((f) => f.name)).forEach((i) =>
    issue(['hiddenFields', i, 'name'], 'is declared twice'),
  );

  duplicates(def.followUps.map((q) => q.id)).forEach((i) =>
    issue(['followUps', i, 'id'], 'is used by another question'),
  );
  def.followUps.forEach((q, i) => {
    q.bands.forEach((band, j) => {
      if (!bands.includes(band))
        issue(['followUps', i, 'bands', j], `is not a ${kind.toUpperCase()} band (${bands.join(', ')})`);
    });
    duplicates(q.bands).forEach((j) => issue(['followUps', i, 'bands', j], 'is listed twice'));
    if (q.type === 'single' || q.type === 'multiple') {
      duplicates(q.options.map((o) => o.id)).forEach((j) =>
        issue(['followUps', i, 'options', j, 'id'], 'is used by another option'),
      );
    }
    if (q.type === 'rating' && q.scale.max - q.scale.min > 10) issue(['followUps', i, 'scale'], 'is too wide');
  });

  for (const band of Object.keys(def.thankYou)) {
    if (!bands.includes(band as Band))
      issue(['thankYou', band], `is not a ${kind.toUpperCase()} band (${bands.join(', ')})`);
  }
  for (const band of bands) if (!def.thankYou[band]) issue(['thankYou', band], 'needs a thank-you message');

  const ratio = contrastRatio(def.branding.accentColor, '#ffffff');
  if (ratio < AA_NORMAL_TEXT) {
    issue(
      ['branding', 'accentColor'],
      `has a contrast of ${ratio.toFixed(1)}:1 with white text; WCAG AA needs ${AA_NORMAL_TEXT}:1 — pick a darker colour`,
    );
  }

  const hidden = def.hiddenFields.map((f) => f.name);
  const entries = textEntries(def);
  for (const entry of entries) {
    for (const problem of placeholderProblems(entry.text, hidden)) issue(entry.path, problem);
  }
  const keys = new Set(entries.map((e) => e.key));
  for (const [language, texts] of Object.entries(def.translations)) {
    if (language === def.defaultLanguage) {
      issue(['translations', language], 'is the default language: edit the texts themselves');
    } else if (!def.languages.includes(language)) {
      issue(['translations', language], 'is not one of the survey’s languages');
    }
    for (const [key, value] of Object.entries(texts)) {
      if (!keys.has(key)) issue(['translations', language, key], 'names no text of this survey');
      else for (const problem of placeholderProblems(value, hidden)) issue(['translations', language, key], problem);
    }
  }
});
export type SurveyDefinition = z.output<typeof SurveyDefinition>;
export type SurveyDefinitionInput = z.input<typeof SurveyDefinition>;

/** Indexes of the entries that repeat an earlier one. */
function duplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  return values.flatMap((value, i) => (seen.has(value) ? [i] : (seen.add(value), [])));
}

/** The definition as JSON Schema, for integrators building surveys through the API. */
export const surveyDefinitionJsonSchema = () =>
  z.toJSONSchema(SurveyDefinitionShape, { io: 'input', unrepresentable: 'any' });
