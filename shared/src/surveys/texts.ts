import type { Band } from '../metrics/scales';
import type { SurveyDefinition } from '../schemas/survey-definition';

/**
 * Every text a respondent can read, in the default language, each with a stable key that
 * translations use (`primary.text`, `q.reason.options.price`, `thankYou.detractor.message`).
 * Keys name questions and options by id, so reordering never mistranslates.
 */
export interface TextEntry {
  key: string;
  /** Where the text sits in the definition, for error messages. */
  path: Array<string | number>;
  text: string;
}

type Shape = Pick<SurveyDefinition, 'primary' | 'followUps' | 'thankYou' | 'email'>;

export function textEntries(def: Shape): TextEntry[] {
  const out: TextEntry[] = [];
  const add = (key: string, path: Array<string | number>, text: string | null | undefined) => {
    if (text) out.push({ key, path, text });
  };
  add('primary.text', ['primary', 'text'], def.primary.text);
  add('primary.minLabel', ['primary', 'minLabel'], def.primary.minLabel);
  add('primary.maxLabel', ['primary', 'maxLabel'], def.primary.maxLabel);
  def.followUps.forEach((q, i) => {
    const at = (...rest: Array<string | number>) => ['followUps', i, ...rest];
    add(`q.${q.id}.text`, at('text'), q.text);
    if (q.type === 'text') add(`q.${q.id}.placeholder`, at('placeholder'), q.placeholder);
    if (q.type === 'single' || q.type === 'multiple') {
      q.options.forEach((o, j) => add(`q.${q.id}.options.${o.id}`, at('options', j, 'label'), o.label));
      add(`q.${q.id}.otherLabel`, at('otherLabel'), q.otherLabel);
    }
    if (q.type === 'rating') {
      add(`q.${q.id}.minLabel`, at('minLabel'), q.minLabel);
      add(`q.${q.id}.maxLabel`, at('maxLabel'), q.maxLabel);
    }
  });
  for (const [band, thanks] of Object.entries(def.thankYou)) {
    add(`thankYou.${band}.title`, ['thankYou', band, 'title'], thanks?.title);
    add(`thankYou.${band}.message`, ['thankYou', band, 'message'], thanks?.message);
  }
  add('email.subject', ['email', 'subject'], def.email.subject);
  add('email.intro', ['email', 'intro'], def.email.intro);
  return out;
}

/** Per language other than the default, the keys still untranslated (they fall back to the default). */
export function missingTranslations(def: SurveyDefinition): Record<string, TextEntry[]> {
  const entries = textEntries(def);
  return Object.fromEntries(
    def.languages
      .filter((language) => language !== def.defaultLanguage)
      .map((language) => [language, entries.filter((e) => !def.translations[language]?.[e.key]?.trim())]),
  );
}

/**
 * The definition with every text in `language`, each missing one in the default language. An
 * unknown language gives the default; the result is still a valid definition, so renderers take
 * only this.
 */
export function localise(def: SurveyDefinition, language: string | null | undefined): LocalisedSurvey {
  const lang = language && def.languages.includes(language) ? language : def.defaultLanguage;
  const texts = def.translations[lang] ?? {};
  const t = (key: string, fallback: string) => texts[key]?.trim() || fallback;
  const tn = (key: string, fallback: string | null) => (fallback === null ? null : t(key, fallback));
  const thankYou: SurveyDefinition['thankYou'] = {};
  for (const [band, thanks] of Object.entries(def.thankYou)) {
    if (thanks) {
      thankYou[band as Band] = {
        ...thanks,
        title: t(`thankYou.${band}.title`, thanks.title),
        message: t(`thankYou.${band}.message`, thanks.message),
      };
    }
  }
  return {
    ...def,
    language: lang,
    primary: {
      ...def.primary,
      text: t('primary.text', def.primary.text),
      minLabel: t('primary.minLabel', def.primary.minLabel),
      maxLabel: t('primary.maxLabel', def.primary.maxLabel),
    },
    followUps: def.followUps.map((q) => {
      const k = (rest: string) => `q.${q.id}.${rest}`;
      const base = { ...q, text: t(k('text'), q.text) };
      switch (q.type) {
        case 'text':
          return { ...base, type: q.type, placeholder: tn(k('placeholder'), q.placeholder) };
        case 'rating':
          return {
            ...base,
            type: q.type,
            minLabel: t(k('minLabel'), q.minLabel),
            maxLabel: t(k('maxLabel'), q.maxLabel),
          };
        default:
          return {
            ...base,
            type: q.type,
            options: q.options.map((o) => ({ ...o, label: t(k(`options.${o.id}`), o.label) })),
            otherLabel: tn(k('otherLabel'), q.otherLabel),
          };
      }
    }) as SurveyDefinition['followUps'],
    thankYou,
    email: { ...def.email, subject: t('email.subject', def.email.subject), intro: t('email.intro', def.email.intro) },
  };
}

export type LocalisedSurvey = SurveyDefinition & { language: string };

/** Right-to-left scripts: the page sets dir="rtl" for these. */
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'yi', 'dv', 'ckb']);
export const directionOf = (language: string): 'ltr' | 'rtl' => (RTL.has(language.split('-')[0]!) ? 'rtl' : 'ltr');

const WORDED = new Set([
  'text',
  'minLabel',
  'maxLabel',
  'label',
  'otherLabel',
  'placeholder',
  'title',
  'message',
  'subject',
  'intro',
]);

/** Every respondent-facing text with `fill` applied (placeholders); ids, urls and colours untouched. */
export function mapTexts<T>(value: T, fill: (text: string) => string): T {
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') return key && WORDED.has(key) ? fill(v) : v;
    if (Array.isArray(v)) return v.map((x) => walk(x, null));
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'translations' ? x : walk(x, k)]));
    }
    return v;
  };
  return walk(value, null) as T;
}
