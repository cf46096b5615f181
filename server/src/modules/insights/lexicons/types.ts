/**
 * What the sentiment scorer and the term extractors know about one language. Words are written
 * as people type them; they are stemmed with the language's own stemmer when the module loads,
 * so "livraisons" and "livraison" meet the same entry.
 */
export interface LanguageRules {
  /** Turn the valence of the next few words around ("not", "pas", "kein", "nunca"). */
  negators: readonly string[];
  /** Strengthen the next opinion word ("very", "vraiment", "echt", "muy"). */
  intensifiers: readonly string[];
  /** Weaken the next opinion word ("a bit", "un peu", "etwas", "algo"). */
  diminishers: readonly string[];
  /** "but": what follows outweighs what came before in the sentence. */
  contrast: readonly string[];
  /** "although": the clause it opens is conceded, so it weighs less. */
  concessive: readonly string[];
  /**
   * Service acts a customer waits for ("arrived", "replied", "refunded"): no valence alone, a
   * complaint when negated ("hasn't arrived", "never replied").
   */
  expectations?: readonly string[];
  /**
   * Words the general library rates that carry no opinion in service comments ("support",
   * "gift"): left out of the library's list, so they neither score nor stop being themes.
   */
  unrated?: readonly string[];
  /** Domain and everyday opinion words with a valence, about -3 … +3. */
  words: Readonly<Record<string, number>>;
  /** Fixed expressions scored as a whole before the words (sarcasm, idioms, implicit complaints). */
  phrases: ReadonlyArray<readonly [RegExp, number]>;
  /** Wishes and suggestions ("would be nice"): pull the comment towards neutral. */
  suggestions: readonly RegExp[];
  /** Words that are not themes even when they are nouns (time, thing, chose, Sache, cosa). */
  notThemes: readonly string[];
  /** Unknown long words take the valence of the domain word they end with (German compounds). */
  compoundHeads?: boolean;
  /** Function words the library's stop-word list lacks. */
  stopwords: readonly string[];
}
