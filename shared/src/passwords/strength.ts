import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonWords } from '@zxcvbn-ts/language-common';
import { dictionary as englishWords, translations } from '@zxcvbn-ts/language-en';

/**
 * How guessable a new password is (OWASP ASVS V2.1.7), by zxcvbn-ts: the common-password list
 * drawn from breach corpora, English words and names, keyboard patterns, repeats, dates and
 * the person's own email and name. The server refuses below MIN_PASSWORD_SCORE; the client
 * loads this same module lazily for its strength hint, so the two can never disagree.
 */

/** zxcvbn's 0–4 scale: 3 means "safely unguessable: moderate protection from offline attacks". */
export const MIN_PASSWORD_SCORE = 3;

export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** Why it is weak, e.g. "This is a commonly used password."; null when nothing stands out. */
  warning: string | null;
  suggestions: string[];
}

// Building the ranked dictionaries takes about a second: once per process, on first use.
let factory: ZxcvbnFactory | undefined;
const estimator = () =>
  (factory ??= new ZxcvbnFactory({
    dictionary: { ...commonWords, ...englishWords },
    graphs: adjacencyGraphs,
    translations,
    // Past these, checking costs far more time while any password is strong anyway.
    l33tMaxSubstitutions: 4,
    maxLength: 64,
  }));

/** `userInputs`: the person's email, name, organisation — a password built from them is weak. */
export function passwordStrength(password: string, userInputs: string[] = []): PasswordStrength {
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[@.\s]+/)]).filter((s) => s.length > 2);
  const result = estimator().check(password, inputs);
  return {
    score: result.score,
    acceptable: result.score >= MIN_PASSWORD_SCORE,
    warning: result.feedback.warning,
    suggestions: result.feedback.suggestions,
  };
}
