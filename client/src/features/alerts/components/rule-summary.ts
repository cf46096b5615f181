import type { AlertCondition, AlertRule } from '@pulse/shared/schemas/alerts';

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

const digestOf = (r: AlertRule) =>
  r.delivery === 'immediate'
    ? ''
    : r.delivery === 'hourly'
      ? ' (hourly digest)'
      : ` (daily digest at ${String(r.digestHour).padStart(2, '0')}:00)`;

/** "opens a case due in 24 h; emails a@b.c (daily digest)": what a rule does, as the list says it. */
export const describeActions = (r: AlertRule) =>
  [
    r.openCase && `opens a case due in ${r.slaHours} h`,
    r.channels.emails.length > 0 && `emails ${r.channels.emails.join(', ')}${digestOf(r)}`,
    r.channels.teamIds.length > 0 &&
      `emails ${r.channels.teamIds.length === 1 ? 'a team' : `${r.channels.teamIds.length} teams`}`,
    r.channels.attributeEmail && `emails the contact's ${r.channels.attributeEmail}`,
    r.channels.chatUrl && 'posts to chat',
    r.channels.webhook && 'webhooks',
    r.noAnswerDays && `alerts on no answer after ${r.noAnswerDays} days`,
    r.stopAfter && 'then stops',
  ]
    .filter(Boolean)
    .join('; ') || 'nothing yet';
