import type { AlertCondition } from '@pulse/shared/schemas/alerts';

/** What a rule reads of a response. */
export interface ResponseFacts {
  score: number;
  band: string;
  touchpointId: string | null;
  channel: string;
  comment: string | null;
  contactAttributes: Record<string, unknown>;
}

// Letters, digits and marks of every script: a keyword matches as a whole word in any language.
const WORD = /[\p{L}\p{N}\p{M}'’-]+/gu;
const wordsOf = (text: string) => new Set((text.toLocaleLowerCase().match(WORD) ?? []).map((w) => w.normalize('NFC')));

function holds(c: AlertCondition, r: ResponseFacts, words: () => Set<string>): boolean {
  switch (c.field) {
    case 'band':
      return c.in.includes(r.band as never);
    case 'score':
      return (c.min === undefined || r.score >= c.min) && (c.max === undefined || r.score <= c.max);
    case 'touchpoint':
      return r.touchpointId !== null && c.in.includes(r.touchpointId);
    case 'channel':
      return c.in.includes(r.channel as never);
    case 'attribute':
      return c.in.some((v) => r.contactAttributes[c.key] === v);
    case 'hasComment':
      return !!r.comment?.trim();
    case 'keywords':
      return c.any.some((k) => words().has(k.toLocaleLowerCase().normalize('NFC')));
  }
}

/**
 * Whether a rule's groups match one response: any group (OR) whose conditions all hold (AND).
 * Made once per response and asked for every rule, so the comment is split into words once,
 * not once per rule (that was three quarters of the time with 100 rules).
 */
export function matcherFor(r: ResponseFacts): (groups: AlertCondition[][]) => boolean {
  let cached: Set<string> | undefined;
  const words = () => (cached ??= wordsOf(r.comment ?? ''));
  return (groups) => groups.some((g) => g.length > 0 && g.every((c) => holds(c, r, words)));
}

/**
 * The rules one response sets off, given rules in evaluation order: every matching rule up to and
 * including the first matching one flagged "stop after this rule".
 */
export function matchInOrder<R extends { stopAfter?: boolean | null }>(
  rules: readonly R[],
  matches: (r: R) => boolean,
) {
  const matched: R[] = [];
  for (const rule of rules) {
    if (!matches(rule)) continue;
    matched.push(rule);
    if (rule.stopAfter) break;
  }
  return matched;
}
