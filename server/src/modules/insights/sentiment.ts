import { CONCESSIVE_TOKEN, CONTRAST_TOKEN, type CompiledLanguage } from './languages';
import { isEmoji, isPunctuation, isSentenceEnd, tokenise } from './tokens';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export interface Sentiment {
  /** -1 … 1: a secondary signal beside the customer's own score. */
  score: number;
  label: SentimentLabel;
  /** Opinion words and phrases found; 0 means the lexicon recognised nothing. */
  hits: number;
}

const EMOJI: Record<string, number> = {
  '😡': -3,
  '🤬': -3,
  '😤': -2,
  '😠': -2.5,
  '👎': -2,
  '😞': -1.5,
  '😢': -1.5,
  '😭': -2,
  '🙄': -1.5,
  '💩': -2.5,
  '😒': -1.5,
  '🤮': -3,
  '😩': -2,
  '😫': -2,
  '💔': -2,
  '👍': 1.5,
  '👏': 2,
  '🙌': 2,
  '❤': 2.5,
  '😍': 2.5,
  '😀': 1.5,
  '😃': 1.5,
  '😄': 1.5,
  '😊': 1.5,
  '🙂': 1,
  '🥰': 2.5,
  '💯': 2,
  '🔥': 1,
  '🚀': 1.5,
  '⭐': 1,
  '🌟': 1.5,
  '✨': 1,
  '👌': 1.5,
  '🎉': 2,
  // more of the faces and hands customers type on a phone
  '🙁': -1.5,
  '☹': -1.5,
  '😕': -1,
  '😔': -1.5,
  '😣': -1.5,
  '😖': -2,
  '😑': -1,
  '🤦': -2,
  '😬': -1,
  '🤢': -2.5,
  '😱': -1.5,
  '🐌': -1.5,
  '❌': -1,
  '😁': 2,
  '😎': 1.5,
  '🤩': 2.5,
  '🥳': 2,
  '😉': 1,
  '💪': 1.5,
  '🙏': 1.5,
  '✅': 1,
  '💚': 2,
  '💙': 2,
  '💜': 2,
  '🧡': 2,
  '💛': 2,
  '🤗': 2,
  '😇': 1.5,
  '🏆': 2,
  '🥇': 2,
};

const NEGATION_WINDOW = 3;
const EXPECTATION_UNMET = -1.8;
// "Without help" or "without calling" is a thing not needed, not a thing that failed to happen.
const ABSENCE: ReadonlySet<string> = new Set(['without', 'sans', 'ohne', 'sin']);
// "… when I was struggling. Danke." is gratitude: a lone thanks is not read as sarcasm (a bare
// English "thanks" at the end is a phrase of its own).
const GRATITUDE: ReadonlySet<string> = new Set(['merci', 'danke', 'gracias']);
const THRESHOLD = 0.6;
// Articles and "single" do not use up a negation's reach: "haven't had a single crash", "pas un
// seul problème", "kein einziges Mal", "ni un solo fallo".
const TRANSPARENT: Record<string, ReadonlySet<string>> = {
  en: new Set(['a', 'an', 'the', 'any', 'single', 'my', 'your', 'their', 'this', 'that']),
  fr: new Set(['un', 'une', 'le', 'la', 'les', 'de', 'd', 'du', 'des', 'seul', 'seule', 'mon', 'ma', 'mes']),
  de: new Set([
    'ein',
    'eine',
    'einen',
    'einem',
    'einer',
    'der',
    'die',
    'das',
    'den',
    'dem',
    'einzige',
    'einziges',
    'einzigen',
    'einziger',
  ]),
  es: new Set(['un', 'una', 'solo', 'sola', 'mi', 'mis', 'su', 'sus']),
};
// Phrase placeholders are letters only, so the tokeniser keeps them whole: xpax, xpbx, …
const PHRASE_RE = /^xp([a-z]+)x$/u;
const phraseToken = (i: number) =>
  `xp${i.toString(26).replace(/./gu, (d) => String.fromCharCode(97 + parseInt(d, 26)))}x`;
const phraseIndex = (letters: string) =>
  parseInt([...letters].map((c) => (c.charCodeAt(0) - 97).toString(26)).join(''), 26);

interface Sentence {
  value: number;
  hits: number;
  positive: number;
  negative: number;
  words: number;
  positiveOnly: boolean;
  opensWithContrast: boolean;
}

/** Scores one sentence: negation flips the next few words, intensifiers scale, "but" reweighs. */
function scoreSentence(lang: CompiledLanguage, tokens: string[], phraseValues: number[]): Sentence {
  const clauses: { value: number; weight: number }[] = [{ value: 0, weight: 1 }];
  let negation = 0;
  let absence = false;
  let scale = 1;
  let words = 0;
  let positiveOnly = true;
  let pending = 0;
  let hits = 0;
  let positive = 0;
  let negative = 0;
  const add = (value: number) => {
    if (value !== 0) hits += 1;
    if (value > 0) positive += value;
    if (value < 0) negative -= value;
    if (value < 0) positiveOnly = false;
    clauses.at(-1)!.value += value;
  };
  for (const token of tokens) {
    if (token === CONTRAST_TOKEN || lang.contrast.has(token)) {
      for (const c of clauses) c.weight *= 0.5;
      clauses.push({ value: 0, weight: 1.5 });
      negation = 0;
      continue;
    }
    if (token === CONCESSIVE_TOKEN || lang.concessive.has(token)) {
      clauses.push({ value: 0, weight: 0.5 });
      negation = 0;
      continue;
    }
    if (isPunctuation(token)) {
      add(pending);
      pending = 0;
      if (clauses.at(-1)!.weight === 0.5 && clauses.length > 1) clauses.push({ value: 0, weight: 1 });
      negation = 0;
      continue;
    }
    words += 1;
    const phrase = PHRASE_RE.exec(token);
    let value: number | undefined;
    if (GRATITUDE.has(token)) positiveOnly = false;
    if (phrase) {
      value = phraseValues[phraseIndex(phrase[1]!)];
      // A fixed expression says what it means ("Thank you." after a complaint is sincere); the
      // sarcastic ones are written as such.
      positiveOnly = false;
    } else if (isEmoji(token)) value = EMOJI[token];
    else if (lang.negators.has(token)) {
      negation = NEGATION_WINDOW + 1;
      absence = ABSENCE.has(token);
    } else if (lang.intensifiers.has(token)) {
      // "super" and "top" intensify the next word, or stand as praise when nothing follows.
      scale = 1.6;
      pending = lang.valence(token) ?? 0;
      continue;
    } else if (lang.diminishers.has(token)) {
      scale = 0.5;
      continue;
    } else if (negation > 0 && !absence && lang.expectations.has(lang.stem(token))) {
      // "hasn't arrived", "never replied": what was owed did not happen. Already a complaint, so
      // it is not flipped again below.
      add(EXPECTATION_UNMET * scale);
      pending = 0;
      scale = 1;
      negation = 0;
      continue;
    } else value = lang.valence(token);
    if (value !== undefined && value !== 0) {
      if (negation > 0 && !phrase) value = value > 0 ? -0.8 * value : -0.6 * value;
      add(value * scale);
    } else add(pending);
    pending = 0;
    scale = 1;
    if (negation > 0 && !TRANSPARENT[lang.code]!.has(token)) negation -= 1;
  }
  add(pending);
  const value = clauses.reduce((sum, c) => sum + c.value * c.weight, 0);
  const exclaimed = tokens.at(-1) === '!';
  return {
    value: exclaimed ? value * 1.3 : value,
    hits,
    positive,
    negative,
    words,
    positiveOnly: positiveOnly && value > 0,
    opensWithContrast: tokens[0] === CONTRAST_TOKEN || lang.contrast.has(tokens[0] ?? ''),
  };
}

function splitSentences(tokens: string[]): string[][] {
  const sentences: string[][] = [[]];
  for (const token of tokens) {
    sentences.at(-1)!.push(token);
    if (isSentenceEnd(token)) sentences.push([]);
  }
  return sentences.filter((s) => s.length > 0);
}

/**
 * What the rules read in one comment: the weighted total the label is cut from, and what it is
 * made of, for the trained layer (sentiment-model.ts) to weigh.
 */
export interface Reading {
  total: number;
  hits: number;
  /** Unweighted sums of the positive and of the negative contributions (both ≥ 0). */
  positive: number;
  negative: number;
  sentences: number;
  suggestion: boolean;
  /** The comment's tokens, with phrase placeholders and contrast markers in place. */
  tokens: string[];
}

/** Sentiment of an already normalised comment (see normaliseComment), by the rules alone. */
export function scoreWith(lang: CompiledLanguage, normalised: string): Sentiment {
  return labelOf(readWith(lang, normalised));
}

export function labelOf(r: Reading): Sentiment {
  const label: SentimentLabel = r.total >= THRESHOLD ? 'positive' : r.total <= -THRESHOLD ? 'negative' : 'neutral';
  return { score: Math.tanh(r.total / 3), label, hits: r.hits };
}

export function readWith(lang: CompiledLanguage, normalised: string): Reading {
  const phraseValues: number[] = [];
  let text = normalised;
  if (lang.guards.phrases.test(text)) {
    for (const [re, value] of lang.phrases) {
      text = text.replace(re, () => ` ${phraseToken(phraseValues.push(value) - 1)} `);
    }
  }
  if (lang.guards.markers.test(text)) for (const [re, token] of lang.markers) text = text.replace(re, token);

  let total = 0;
  let hits = 0;
  let positive = 0;
  let negative = 0;
  const tokens = tokenise(lang, text);
  const sentences = splitSentences(tokens);
  for (const tokens of sentences) {
    const s = scoreSentence(lang, tokens, phraseValues);
    hits += s.hits + (s.value !== 0 && s.hits === 0 ? 1 : 0);
    positive += s.positive;
    negative += s.negative;
    // A lone "Brilliant." after a complaint is sarcasm, not praise.
    if (s.positiveOnly && s.words <= 2 && total < -0.5) s.value = -s.value;
    if (s.opensWithContrast) total = total * 0.5 + s.value * 1.5;
    else total += s.value;
  }
  const suggestion = lang.guards.suggestions.test(normalised) && lang.suggestions.some((re) => re.test(normalised));
  if (suggestion) total *= 0.25;
  return {
    total,
    hits: hits + phraseValues.filter((v) => v !== 0).length,
    positive,
    negative,
    sentences: sentences.length,
    suggestion,
    tokens,
  };
}
