/**
 * Placeholders in survey wording: `{{company}}`, `{{contact.firstName}}`, any contact attribute
 * (`{{contact.plan}}`), a hidden field of a web link (`{{hidden.orderId}}`), each with an optional
 * fallback after a bar: `{{contact.firstName | there}}`. A value that is missing or blank becomes
 * the fallback, or nothing.
 */
const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}/g;
const NAME = /^(company|contact\.[A-Za-z][A-Za-z0-9_]{0,39}|hidden\.[A-Za-z][A-Za-z0-9_]{0,39})$/;

export type PlaceholderValues = Record<string, string | null | undefined>;

/** What is wrong with the placeholders of `text`, as sentences; empty when it is fine. */
export function placeholderProblems(text: string, hiddenFields: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [, name = '', fallback] of text.matchAll(PLACEHOLDER)) {
    if (!NAME.test(name)) {
      problems.push(`{{${name}}} is not a placeholder: use company, contact.<attribute> or hidden.<field>`);
    } else if (name.startsWith('hidden.') && !hiddenFields.includes(name.slice(7))) {
      problems.push(`{{${name}}} names a hidden field the survey does not declare`);
    }
    if (fallback !== undefined && fallback.length > 100) problems.push('a fallback is at most 100 characters');
  }
  // What is left once every well-formed placeholder is removed must hold no braces.
  if (/\{\{|\}\}/.test(text.replace(PLACEHOLDER, ''))) problems.push('a placeholder is not closed with }}');
  return problems;
}

/** The names a text uses, e.g. ['contact.firstName', 'company']. */
export const placeholdersIn = (text: string): string[] => [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');

/** Fills every placeholder; whitespace left doubled by an empty value collapses. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const filled = text.replace(PLACEHOLDER, (_, name: string, fallback?: string) => {
    const value = values[name]?.trim();
    return value ? value : (fallback ?? '');
  });
  return filled === text ? text : filled.replace(/ {2,}/g, ' ').replace(/ ([,.!?;:])/g, '$1');
}
