import winkNLP, { type ItemToken, type ItsFunction } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

import { LANGUAGES } from './languages';
import { isMask } from './normalise';
import type { Term } from './terms';

// Only the part-of-speech tagger runs: sentence and entity pipes cost time and themes need neither.
const nlp = winkNLP(model, ['pos']);
const its = nlp.its;
// wink-nlp's typings declare its.lemma with an addons parameter token.out() does not accept.
const lemma = its.lemma as unknown as ItsFunction<string>;
const EN = LANGUAGES.en;

const NOUN = new Set(['NOUN', 'PROPN']);
const LINKING = new Set(['be', 'seem', 'feel', 'look', 'get']);

interface Word {
  lemma: string;
  surface: string;
  pos: string;
}

const usable = (w: Word) => !isMask(w.surface) && /^\p{L}[\p{L}-]*$/u.test(w.surface) && w.surface.length > 1;

/**
 * English aspects are noun compounds ("delivery time", "customer service"), lemmatised; an
 * adjective next to one ("slow delivery", "delivery was slow") becomes an opinion pair, kept apart
 * from the aspect so "slow" never turns into a theme of its own.
 */
export function englishTerms(normalised: string): Term[] {
  // Whole columns at once: wink-nlp builds no per-token item objects that way (~20% faster).
  const tokens = nlp.readDoc(normalised).tokens();
  const lemmas = tokens.out(lemma);
  const surfaces = tokens.out(its.normal);
  const tags = tokens.out(its.pos);
  const words: Word[] = lemmas.map((l, i) => ({ lemma: l, surface: surfaces[i]!, pos: tags[i]! }));
  const terms: Term[] = [];
  let i = 0;
  while (i < words.length) {
    if (!NOUN.has(words[i]!.pos) || !usable(words[i]!)) {
      i += 1;
      continue;
    }
    let end = i;
    while (end + 1 < words.length && NOUN.has(words[end + 1]!.pos) && usable(words[end + 1]!)) end += 1;
    // A run longer than three is a tagging accident: keep its last three nouns (the head).
    let chunk = words.slice(Math.max(i, end - 2), end + 1);
    while (chunk.length > 1 && EN.notThemes.has(EN.stem(chunk[0]!.lemma))) chunk = chunk.slice(1);
    const head = chunk.at(-1)!;
    const isTheme = chunk.length > 1 || (!EN.notThemes.has(EN.stem(head.lemma)) && !EN.stopwords.has(head.lemma));
    if (isTheme && EN.domainValence(head.surface) === undefined) {
      const aspect = chunk.map((w) => w.lemma).join(' ');
      terms.push({ key: aspect, label: chunk.map((w) => w.surface).join(' '), kind: 'aspect' });
      const opinion = opinionNear(words, i, end);
      if (opinion) terms.push({ key: `${aspect}+${opinion}`, label: `${opinion} ${aspect}`, kind: 'opinion' });
    }
    i = end + 1;
  }
  return terms;
}

/** The adjective before the compound, or after it through "is/was/seems" ("the app is slow"). */
function opinionNear(words: Word[], start: number, end: number): string | undefined {
  const before = words[start - 1];
  if (before?.pos === 'ADJ' && usable(before)) return before.lemma;
  let j = end + 1;
  if (words[j]?.pos === 'AUX' || LINKING.has(words[j]?.lemma ?? '')) {
    j += 1;
    const negated = words[j]?.lemma === 'not';
    if (negated || words[j]?.pos === 'ADV') j += 1;
    const adj = words[j];
    if (adj?.pos === 'ADJ' && usable(adj)) return negated ? `not ${adj.lemma}` : adj.lemma;
  }
  return undefined;
}

/** Lemmas of the words of a short phrase, stop words left out: how a typed theme name is keyed. */
export function englishLemmas(normalised: string): string[] {
  const out: string[] = [];
  nlp
    .readDoc(normalised)
    .tokens()
    .each((t: ItemToken) => {
      const surface = t.out(its.normal);
      if (/^\p{L}/u.test(surface) && !EN.stopwords.has(surface)) out.push(t.out(lemma));
    });
  return out;
}
