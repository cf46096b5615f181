import { performance } from 'node:perf_hooks';

import { escapeHtml, fillText, renderIntro, wordsFor, type Values } from './email-copy';
import { quotedPrintablePiece } from './quoted-printable';
import { surveyEmailMjml, type TemplateShape } from './survey-email.template';

/** What the email needs of a survey, already in the recipient's language. */
export interface EmailSurvey {
  language: string;
  primary: { kind: string; scale: { min: number; max: number }; text: string; minLabel: string; maxLabel: string };
  email: { subject: string; intro: string; senderName: string | null };
  branding: { logoUrl: string | null; accentColor: string };
}

export interface EmailInput {
  survey: EmailSurvey;
  organisationName: string;
  /** Placeholder values: company, contact.firstName, contact.<attribute>… */
  values: Values;
  /** Personal links: `/r/<token>` (the score is appended), unsubscribe, open pixel. */
  links: { survey: string; unsubscribe: string; pixel: string };
  rtl?: boolean;
  /** A reminder says so in its subject. */
  reminder?: boolean;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  /** The same HTML, quoted-printable: the template's fixed parts encoded once, only the slots per mail. */
  htmlQuotedPrintable: string;
  text: string;
  /** Time spent on this mail (substitution only, once the template is compiled). */
  renderMs: number;
}

// One compiled HTML per shape; the promise is cached so concurrent first renders compile once.
const compiled = new Map<string, Promise<Compiled>>();

/** The compiled HTML cut at its markers (odd entries are marker names), and its fixed parts quoted-printable. */
interface Compiled {
  parts: string[];
  encoded: string[];
}

async function compile(shape: TemplateShape): Promise<Compiled> {
  const key = `${shape.min}-${shape.max}-${shape.rtl}-${shape.logo}`;
  let html = compiled.get(key);
  if (!html) {
    // Loaded on first use: mjml costs ~0.8 s and ~100 MB, which the API process never needs.
    html = import('mjml').then(async ({ default: mjml2html }) => {
      const out = await mjml2html(surveyEmailMjml(shape), { validationLevel: 'strict', keepComments: false });
      // Indentation is 16 % of MJML's output and renders as nothing (there is no <pre>): dropped,
      // it is that much less to encode, send and parse per mail.
      const parts = out.html.replace(/\n[ \t]+/g, '\n').split(/__PULSE_([A-Z0-9_]+?)__/);
      return { parts, encoded: parts.map((part, i) => (i % 2 ? '' : quotedPrintablePiece(part))) };
    });
    compiled.set(key, html);
    html.catch(() => compiled.delete(key));
  }
  return html;
}

/** Compiles every shape the product sends, so the first mail pays no compile (worker start). */
export const warmSurveyEmailTemplates = async () => {
  for (const [min, max] of [
    [0, 10],
    [1, 5],
    [1, 7],
    [1, 3],
  ])
    await compile({ min: min!, max: max!, rtl: false, logo: false });
};

export async function renderSurveyEmail(input: EmailInput): Promise<RenderedEmail> {
  const { survey } = input;
  const shape: TemplateShape = {
    min: survey.primary.scale.min,
    max: survey.primary.scale.max,
    rtl: input.rtl ?? false,
    logo: Boolean(survey.branding.logoUrl),
  };
  const template = await compile(shape);
  const started = performance.now();
  const words = wordsFor(survey.language);
  const subject = (input.reminder ? `${words.reminder}: ` : '') + fillText(survey.email.subject, input.values);
  const question = fillText(survey.primary.text, input.values);
  const introText = fillText(survey.email.intro, input.values);
  const footer = words.footer(input.organisationName);
  const scoreUrl = (score: number) => `${input.links.survey}?score=${score}`;

  const slots: Record<string, string> = {
    LANG: escapeHtml(survey.language),
    SUBJECT: escapeHtml(subject),
    PREVIEW: escapeHtml(question),
    ORG: escapeHtml(input.organisationName),
    LOGO: escapeHtml(survey.branding.logoUrl ?? ''),
    INTRO: renderIntro(survey.email.intro, input.values),
    QUESTION: escapeHtml(question),
    MIN_LABEL: escapeHtml(survey.primary.minLabel),
    MAX_LABEL: escapeHtml(survey.primary.maxLabel),
    // Checked by the survey definition's schema to be #rrggbb; escaped all the same.
    ACCENT: escapeHtml(survey.branding.accentColor),
    FOOTER: escapeHtml(footer),
    UNSUBSCRIBE: escapeHtml(input.links.unsubscribe),
    UNSUBSCRIBE_LABEL: escapeHtml(words.unsubscribe),
    PIXEL: escapeHtml(input.links.pixel),
  };
  for (let score = shape.min; score <= shape.max; score++) slots[`SCORE_${score}`] = escapeHtml(scoreUrl(score));
  let html = '';
  let htmlQuotedPrintable = '';
  const { parts, encoded } = template;
  for (let i = 0; i < parts.length; i++) {
    const part = i % 2 ? (slots[parts[i]!] ?? '') : parts[i]!;
    html += part;
    htmlQuotedPrintable += i % 2 ? quotedPrintablePiece(part) : encoded[i];
  }

  const scores: string[] = [];
  for (let score = shape.min; score <= shape.max; score++) scores.push(`  ${score}: ${scoreUrl(score)}`);
  const text = [
    introText,
    '',
    question,
    `(${shape.min} = ${survey.primary.minLabel}, ${shape.max} = ${survey.primary.maxLabel})`,
    ...scores,
    '',
    footer,
    `${words.unsubscribe}: ${input.links.unsubscribe}`,
  ].join('\n');
  return { subject, html, htmlQuotedPrintable, text, renderMs: performance.now() - started };
}
