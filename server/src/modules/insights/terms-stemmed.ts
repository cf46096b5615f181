import { LANGUAGES, type CompiledLanguage } from './languages';
import type { InsightLanguage } from './language';
import { isMask } from './normalise';
import type { Term } from './terms';
import { isEmoji, isPunctuation, tokenise } from './tokens';

type StemmedLanguage = Exclude<InsightLanguage, 'en'>;

// Inflected verb forms carry no theme; nouns rarely end like this (the exceptions are listed).
const VERB_ENDINGS: Record<StemmedLanguage, RegExp> = {
  fr: /(?:[^t]é|[^t]és|ée|ées|ait|aient|ais|ons|ez|[^i]er|ir)$/u,
  de: /^$/u,
  es: /(?:ó|aron|ieron|aba|aban|ía|ían|ado|ada|ido|ar|er|ir)$/u,
};
// Adverbs made from adjectives; French nouns in -ment (paiement, abonnement) end otherwise.
const ADVERB_ENDINGS: Record<StemmedLanguage, RegExp> = {
  fr: /(?:iquement|alement|ivement|eusement|ellement|tement|rement|amment|emment|ûment|iment)$/u,
  de: /^$/u,
  es: /mente$/u,
};
const NOUNS_WITH_VERB_ENDINGS: ReadonlySet<string> = new Set([
  'pedido',
  'estado',
  'resultado',
  'mercado',
  'apartado',
  'cuidado',
  'comida',
  'salida',
  'llegada',
  'entrada',
  'vida',
  'partida',
  'lugar',
  'hogar',
  'mujer',
  'taller',
  'alquiler',
  'contenido',
  'sentido',
  'ruido',
  'envío',
  'plaisir',
  'désir',
  'avenir',
  'loisir',
  'souvenir',
  'entrée',
  'arrivée',
  'journée',
  'durée',
  'soirée',
  'clavier',
  'courrier',
  'papier',
  'panier',
  'dossier',
  'fichier',
  'mer',
  'hiver',
  'mobilier',
  'ordinateur',
  'fidélité',
  'frais',
  'relais',
  'délais',
  'anglais',
  'français',
]);
// Words that join the two halves of a French or Spanish compound: "frais de port", "atención al cliente".
const LINKS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'd', 'à', 'au', 'del', 'al', 'en']);

interface Word {
  surface: string;
  stem: string;
  /** Index in the token stream, to tell adjacent words from distant ones. */
  at: number;
}

interface GermanNouns {
  /** Capitalised inside a sentence: a noun. */
  inner: ReadonlySet<string>;
  /** Capitalised only as a sentence's first word: a noun only if it is no opinion word. */
  initial: ReadonlySet<string>;
}

function isCandidate(lang: CompiledLanguage, token: string, nouns: GermanNouns | undefined): boolean {
  if (token.length < 3 || isMask(token) || isEmoji(token) || /\p{N}/u.test(token)) return false;
  if (lang.stopwords.has(token) || lang.negators.has(token) || lang.intensifiers.has(token)) return false;
  if (lang.diminishers.has(token) || lang.contrast.has(token) || lang.concessive.has(token)) return false;
  if (lang.notThemes.has(lang.stem(token))) return false;
  // German nouns are known by their capital, so a noun with a valence ("Warteschleife") stays a theme.
  if (nouns) {
    if (nouns.inner.has(token)) return Math.abs(lang.domainValence(token) ?? 0) < 1.5;
    return nouns.initial.has(token) && lang.valence(token) === undefined;
  }
  if (Math.abs(lang.domainValence(token) ?? 0) >= 1 || Math.abs(lang.valence(token) ?? 0) >= 0.6) return false;
  if (NOUNS_WITH_VERB_ENDINGS.has(token)) return true;
  return (
    !VERB_ENDINGS[lang.code as StemmedLanguage].test(token) && !ADVERB_ENDINGS[lang.code as StemmedLanguage].test(token)
  );
}

/** German capitalises nouns, and every sentence's first word: the two are told apart. */
function germanNouns(original: string): GermanNouns {
  const inner = new Set<string>();
  const initial = new Set<string>();
  let first = true;
  for (const [w] of original.normalize('NFKC').matchAll(/[\p{L}\p{M}]+|[.!?;:]/gu)) {
    if (/^[.!?;:]$/u.test(w)) {
      first = true;
      continue;
    }
    if (/^\p{Lu}/u.test(w)) (first ? initial : inner).add(w.toLowerCase());
    first = false;
  }
  return { inner, initial };
}

/** Stop-word-filtered stemmed words and the pairs they form ("frais de port" → "frai port"). */
export function stemmedTerms(language: StemmedLanguage, normalised: string, original: string): Term[] {
  const lang = LANGUAGES[language];
  const tokens = tokenise(lang, normalised);
  const nouns = language === 'de' ? germanNouns(original) : undefined;
  const words: Word[] = [];
  tokens.forEach((token, at) => {
    if (!isPunctuation(token) && isCandidate(lang, token, nouns))
      words.push({ surface: token, stem: lang.stem(token), at });
  });
  const terms: Term[] = words.map((w) => ({ key: w.stem, label: w.surface, kind: 'aspect' }));
  for (let i = 1; i < words.length; i += 1) {
    const a = words[i - 1]!;
    const b = words[i]!;
    const gap = tokens.slice(a.at + 1, b.at);
    if (gap.length === 0 || (gap.length === 1 && LINKS.has(gap[0]!))) {
      terms.push({ key: `${a.stem} ${b.stem}`, label: [a.surface, ...gap, b.surface].join(' '), kind: 'aspect' });
    }
  }
  terms.push(...opinionPairs(lang, tokens, words));
  return terms;
}

/** An opinion word in the same clause as an aspect, nearest first: "livraison+rapid". */
function opinionPairs(lang: CompiledLanguage, tokens: string[], words: Word[]): Term[] {
  const pairs: Term[] = [];
  tokens.forEach((token, at) => {
    const valence = lang.valence(token);
    if (valence === undefined || Math.abs(valence) < 1 || token.length < 3) return;
    let best: Word | undefined;
    for (const w of words) {
      const between = tokens.slice(Math.min(w.at, at) + 1, Math.max(w.at, at));
      if (between.some(isPunctuation) || between.length > 3) continue;
      if (!best || Math.abs(w.at - at) < Math.abs(best.at - at)) best = w;
    }
    if (best) {
      const opinion = lang.stem(token);
      pairs.push({ key: `${best.stem}+${opinion}`, label: `${best.surface} ${token}`, kind: 'opinion' });
    }
  });
  return pairs;
}
