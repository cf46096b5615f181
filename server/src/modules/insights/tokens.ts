import type { CompiledLanguage } from './languages';

/** Words (with inner apostrophes), emoji and the punctuation that ends a clause or a sentence. */
const TOKEN_RE = /\p{Extended_Pictographic}|[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*|[.!?;,…]/gu;
const SENTENCE_END = new Set(['.', '!', '?', ';', '…']);

export const isSentenceEnd = (token: string) => SENTENCE_END.has(token);
export const isPunctuation = (token: string) => token === ',' || SENTENCE_END.has(token);
export const isEmoji = (token: string) => /\p{Extended_Pictographic}/u.test(token);

/**
 * Splits elisions and contractions into the words they stand for, so "n'était" carries the French
 * negation and "didn't" the English one: "n'" → "ne", "…n't" → "not".
 */
export function tokenise(language: CompiledLanguage, text: string): string[] {
  const out: string[] = [];
  for (const raw of text.match(TOKEN_RE) ?? []) {
    if (!raw.includes("'")) {
      out.push(raw);
    } else if (language.code === 'en') {
      if (raw.endsWith("n't")) out.push(raw.slice(0, -3), 'not');
      else out.push(raw.split("'")[0]!);
    } else {
      for (const part of raw.split("'")) if (part) out.push(part === 'n' ? 'ne' : part);
    }
  }
  return out;
}
