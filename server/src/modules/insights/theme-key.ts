import { LANGUAGES } from './languages';
import type { InsightLanguage } from './language';
import { normaliseComment } from './normalise';
import { englishLemmas } from './terms-en';
import { tokenise } from './tokens';

/**
 * The counter key of a theme someone typed ("Delivery times", "frais de port"): the same lemmas
 * or stems the extractor produces, so organisations can name and merge themes in their own words.
 */
export function themeKey(language: InsightLanguage, phrase: string): string {
  const normalised = normaliseComment(phrase);
  if (language === 'en') return englishLemmas(normalised).join(' ');
  const lang = LANGUAGES[language];
  return tokenise(lang, normalised)
    .filter((t) => /^\p{L}/u.test(t) && !lang.stopwords.has(t))
    .map((t) => lang.stem(t))
    .join(' ');
}
