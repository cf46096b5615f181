import { LANGUAGES } from './languages';
import { INSIGHT_LANGUAGES, languageOfLocale, type InsightLanguage } from './language';
import { tokenise } from './tokens';

/**
 * The survey's locale decides: trigram detectors misread short comments ("Très bien" reads as
 * anything). Without a usable locale, a whitelisted detector counts the words each supported
 * language knows (function words, negations, opinion words) and takes the best; English on a tie.
 */
export function resolveLanguage(locale: string | null | undefined, normalised: string): InsightLanguage {
  const fromLocale = languageOfLocale(locale);
  if (fromLocale) return fromLocale;
  let best: InsightLanguage = 'en';
  let bestScore = 0;
  for (const code of INSIGHT_LANGUAGES) {
    const lang = LANGUAGES[code];
    const score = tokenise(lang, normalised).filter(
      (t) => lang.stopwords.has(t) || lang.negators.has(t) || lang.domainValence(t) !== undefined,
    ).length;
    if (score > bestScore) {
      best = code;
      bestScore = score;
    }
  }
  return best;
}
