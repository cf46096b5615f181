/** The languages Pulse extracts themes from. */
export const INSIGHT_LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
export type InsightLanguage = (typeof INSIGHT_LANGUAGES)[number];

export const isInsightLanguage = (code: string): code is InsightLanguage =>
  (INSIGHT_LANGUAGES as readonly string[]).includes(code);

/** The locale's language when Pulse analyses it ("fr-CA" → fr), else undefined. */
export function languageOfLocale(locale: string | null | undefined): InsightLanguage | undefined {
  const code = locale?.toLowerCase().split(/[-_]/u)[0];
  return code && isInsightLanguage(code) ? code : undefined;
}
