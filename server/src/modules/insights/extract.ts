import { resolveLanguage } from './detect';
import { INSIGHT_LANGUAGES, type InsightLanguage } from './language';
import { normaliseComment } from './normalise';
import { LANGUAGES } from './languages';
import { scoreWith, type Sentiment } from './sentiment';
import { scoreSentiment } from './sentiment-model';
import { capTerms, type Term } from './terms';
import { englishTerms } from './terms-en';
import { stemmedTerms } from './terms-stemmed';

export interface CommentInsight {
  language: InsightLanguage;
  terms: Term[];
  sentiment: Sentiment;
}

/**
 * Everything Pulse reads from one comment, offline and in well under a millisecond: the language,
 * at most MAX_TERMS candidate themes (each once) and a sentiment score. Pure: no I/O, no state.
 */
export function extractInsight(input: { text: string; locale?: string | null }): CommentInsight {
  const normalised = normaliseComment(input.text);
  const language = resolveLanguage(input.locale, normalised);
  const terms = language === 'en' ? englishTerms(normalised) : stemmedTerms(language, normalised, input.text);
  return { language, terms: capTerms(terms), sentiment: sentimentOf(language, normalised) };
}

/**
 * A short comment in another language than the survey's ("Très bien" on an English survey) finds
 * no opinion word in the survey language's lexicon: then the first language that finds one scores it,
 * by its rules alone (a trained layer knows only comments written wholly in its language).
 */
function sentimentOf(language: InsightLanguage, normalised: string): Sentiment {
  const own = scoreSentiment(language, normalised);
  if (own.hits > 0) return own;

  for (const other of INSIGHT_LANGUAGES) {
    if (other === language) continue;
    const s = scoreWith(LANGUAGES[other], normalised);
    if (s.hits > 0) return s;
  }
  return own;
}
