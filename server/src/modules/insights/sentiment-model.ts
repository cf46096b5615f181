import type { InsightLanguage } from './language';
import { LANGUAGES, type CompiledLanguage } from './languages';
import { isMask } from './normalise';
import { labelOf, readWith, type Reading, type Sentiment, type SentimentLabel } from './sentiment';
import { isPunctuation, tokenise } from './tokens';
import weights from './sentiment-model.json';

export const CLASSES: readonly SentimentLabel[] = ['negative', 'neutral', 'positive'];

/** One language's trained layer: a multinomial logistic regression, one row per class. */
export interface LanguageModel {
  bias: number[];
  /** Per class, one weight per entry of `denseFeatures`. */
  dense: number[][];
  /** Stem (or "¬stem" in a negation's scope) → one weight per class. */
  words: Record<string, number[]>;
}

export interface Features {
  dense: number[];
  words: string[];
}

const NEGATION_SCOPE = 3;

/**
 * What the model weighs: the rules' reading (their total and its parts, so a comment the rules
 * are sure of stays as they read it) and the comment's stems, each once, marked when a negation
 * reaches it ("¬recommend"). Stems the training set saw fewer than twice carry no weight.
 */
export function featuresOf(lang: CompiledLanguage, normalised: string, reading: Reading): Features {
  const { total, positive, negative, hits } = reading;
  const rule = labelOf(reading).label;
  const dense = [
    Math.max(-2, Math.min(2, total / 3)),
    Math.tanh(total / 3),
    rule === 'negative' ? 1 : 0,
    rule === 'positive' ? 1 : 0,
    hits === 0 ? 1 : 0,
    Math.min(positive, 6) / 3,
    Math.min(negative, 6) / 3,
    reading.suggestion ? 1 : 0,
    normalised.includes('!') ? 1 : 0,
    normalised.includes('?') ? 1 : 0,
    Math.log1p(reading.tokens.length) / 3,
  ];
  const words = new Set<string>();
  let scope = 0;
  for (const token of tokenise(lang, normalised)) {
    if (isPunctuation(token)) {
      scope = 0;
      continue;
    }
    if (lang.negators.has(token)) {
      scope = NEGATION_SCOPE;
      words.add(token);
      continue;
    }
    if (isMask(token)) continue;
    const stem = lang.stem(token);
    words.add(scope > 0 ? `¬${stem}` : stem);
    if (scope > 0) scope -= 1;
  }
  return { dense, words: [...words] };
}

/** Class probabilities from the features: softmax of the per-class logits. */
export function probabilities(model: LanguageModel, f: Features): number[] {
  const logits = model.bias.map((b, c) => {
    let z = b;
    const row = model.dense[c]!;
    for (let j = 0; j < f.dense.length; j += 1) z += row[j]! * f.dense[j]!;
    for (const w of f.words) z += model.words[w]?.[c] ?? 0;
    return z;
  });
  const top = Math.max(...logits);
  const exp = logits.map((z) => Math.exp(z - top));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** A language is in the file only when the model beat the rules alone in cross-validation. */
const MODELS = weights as Partial<Record<InsightLanguage, LanguageModel>>;

/**
 * Sentiment of an already normalised comment (see normaliseComment): the rules read it, and,
 * where one was trained, a model fitted on the tuning material (tests/bench/insights-train.ts)
 * weighs that reading with the comment's words; its score is P(positive) − P(negative).
 */
export function scoreSentiment(language: InsightLanguage, normalised: string): Sentiment {
  const lang = LANGUAGES[language];
  const reading = readWith(lang, normalised);
  const model = MODELS[language];
  if (!model) return labelOf(reading);
  const p = probabilities(model, featuresOf(lang, normalised, reading));
  const best = p.indexOf(Math.max(...p));
  return { score: p[2]! - p[0]!, label: CLASSES[best]!, hits: reading.hits };
}
