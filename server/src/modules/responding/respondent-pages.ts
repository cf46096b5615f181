import type { Request, Response } from 'express';

import type { AnswerValue } from '@pulse/shared/schemas/responses';
import { blankDefinition } from '@pulse/shared/surveys/blank';
import { localise, type LocalisedSurvey } from '@pulse/shared/surveys/texts';

import { renderSurveyPage, type PageInput } from '../respondent/respondent.page';
import { FLOW_LANGUAGES, flowStringsFor, type FlowStrings } from './responding.strings';

/** The respondent's preferred languages: the invitation's, then the browser's. */
export const languagesOf = (req: Request, first?: string | null): string[] => [
  ...(first ? [first] : []),
  ...req.acceptsLanguages().map((l) => l.split(';')[0]!.trim()),
];

export const ISLAND = '/respondent.js';

/** Respondent pages are personal: never cached, never indexed, never framed. */
export function sendPage(res: Response, status: number, html: string) {
  res.status(status).set('Cache-Control', 'no-store').type('html').send(html);
}

export function renderPage(input: Omit<PageInput, 'values'> & { values?: PageInput['values'] }): string {
  return renderSurveyPage({ values: {}, scripts: [ISLAND], ...input });
}

type MessageKey = 'invalid' | 'closed' | 'answered' | 'busy';

/**
 * A page of the flow's own words, in the survey's language when a survey is known, else the
 * browser's (an unknown token has no survey). Never a stack trace or an error code.
 */
export function messagePage(key: MessageKey, survey: LocalisedSurvey | null, languages: readonly string[]): string {
  const shown = survey ?? localise(blankDefinition('nps'), null);
  const language = survey?.language ?? languages.find((l) => FLOW_LANGUAGES.includes(l.split('-')[0]!)) ?? 'en';
  const words: FlowStrings = flowStringsFor(language);
  return renderPage({
    survey: { ...shown, language },
    screen: { step: 'message', title: words[`${key}Title`], message: words[`${key}Message`] },
    action: null,
    scripts: [],
  });
}

/** `{{company}}` and `{{contact.*}}` as the survey's texts use them. */
export function placeholderValues(
  company: string,
  contact: { name?: string | null; email?: string | null; attributes?: Record<string, unknown> } | null,
): Record<string, string | null> {
  const [firstName, ...rest] = (contact?.name ?? '').trim().split(/\s+/);
  const attributes = Object.fromEntries(
    Object.entries(contact?.attributes ?? {}).map(([k, v]) => [`contact.${k}`, v == null ? null : String(v)]),
  );
  return {
    ...attributes,
    company,
    'contact.firstName': firstName || null,
    'contact.lastName': rest.join(' ') || null,
    'contact.email': contact?.email ?? null,
  };
}

/** Follow-up answers from a plain form: `q.<id>` values and `q.<id>.other` texts. */
export function formAnswers(body: Record<string, unknown>) {
  const values: Record<string, AnswerValue> = {};
  const other: Record<string, string> = {};
  for (const [name, raw] of Object.entries(body)) {
    if (!name.startsWith('q.')) continue;
    const rest = name.slice(2);
    const value = Array.isArray(raw) ? raw.map(String) : String(raw);
    if (rest.endsWith('.other')) other[rest.slice(0, -6)] = Array.isArray(value) ? value.join(' ') : value;
    else values[rest] = value;
  }
  return { values, other };
}

/** Errors by form field name, as the page shows them. */
export const fieldErrors = (errors: Record<string, string>) =>
  Object.fromEntries(Object.entries(errors).map(([id, message]) => [`q.${id}`, message]));
