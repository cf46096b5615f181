import type { AlertCondition } from '@pulse/shared/schemas/alerts';

const one = (c: AlertCondition): string => {
  switch (c.field) {
    case 'band':
      return c.in.join(' or ');
    case 'score':
      return c.min !== undefined && c.max !== undefined
        ? `score ${c.min}–${c.max}`
        : c.min !== undefined
          ? `score ≥ ${c.min}`
          : `score ≤ ${c.max}`;
    case 'touchpoint':
      return `touchpoint is one of ${c.in.length}`;
    case 'channel':
      return `via ${c.in.join(' or ')}`;
    case 'attribute':
      return `${c.key} is ${c.in.join(' or ')}`;
    case 'hasComment':
      return 'has a comment';
    case 'keywords':
      return `mentions ${c.any.map((k) => `“${k}”`).join(', ')}`;
  }
};

/** "detractor and has a comment — or mentions “refund”": how a rule reads in the list. */
export const describeGroups = (groups: AlertCondition[][]) =>
  groups.map((g) => g.map(one).join(' and ')).join(' — or ');
