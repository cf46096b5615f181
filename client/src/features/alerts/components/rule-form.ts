import type {
  AlertCondition,
  AlertDelivery,
  AlertRule,
  AlertRuleInput,
  CasePriority,
} from '@pulse/shared/schemas/alerts';

export interface RuleValues extends Record<string, unknown> {
  name: string;
  bands: string[];
  minScore: number | string;
  maxScore: number | string;
  hasComment: boolean;
  keywords: string[];
  channels: { emails: string[]; teamIds: string[]; webhook: boolean; attributeEmail: string; chatUrl: string };
  delivery: AlertDelivery;
  digestHour: string;
  order: number | string;
  stopAfter: boolean;
  noAnswerDays: number | string;
  openCase: boolean;
  priority: CasePriority;
  slaHours: number | string;
}

/** The conditions the form has fields for; a rule made through the API may hold others. */
const FORM_FIELDS = new Set<AlertCondition['field']>(['band', 'score', 'hasComment', 'keywords']);

/**
 * What the form cannot show of a rule but must keep when it is saved: its first group's other
 * conditions (touchpoint, channel, attribute) and every further group. Dropping them on save
 * would quietly widen the rule.
 */
export interface KeptConditions {
  inFirst: AlertCondition[];
  otherGroups: AlertCondition[][];
}

export const NOTHING_KEPT: KeptConditions = { inFirst: [], otherGroups: [] };

export const keptOf = (rule: AlertRule): KeptConditions => ({
  inFirst: (rule.groups[0] ?? []).filter((c) => !FORM_FIELDS.has(c.field)),
  otherGroups: rule.groups.slice(1),
});

export function valuesOf(rule?: AlertRule): RuleValues {
  const first = rule?.groups[0] ?? [];
  const find = <F extends AlertCondition['field']>(field: F) =>
    first.find((c): c is Extract<AlertCondition, { field: F }> => c.field === field);
  const score = find('score');
  return {
    name: rule?.name ?? '',
    bands: rule ? (find('band')?.in ?? []) : ['detractor'],
    minScore: score?.min ?? '',
    maxScore: score?.max ?? '',
    hasComment: !!find('hasComment'),
    keywords: find('keywords')?.any ?? [],
    channels: {
      emails: rule?.channels.emails ?? [],
      teamIds: rule?.channels.teamIds ?? [],
      webhook: rule?.channels.webhook ?? false,
      attributeEmail: rule?.channels.attributeEmail ?? '',
      chatUrl: rule?.channels.chatUrl ?? '',
    },
    delivery: rule?.delivery ?? 'immediate',
    digestHour: String(rule?.digestHour ?? 8),
    order: rule?.order ?? '',
    stopAfter: rule?.stopAfter ?? false,
    noAnswerDays: rule?.noAnswerDays ?? '',
    openCase: rule?.openCase ?? true,
    priority: rule?.priority ?? 'normal',
    slaHours: rule?.slaHours ?? 24,
  };
}

/** The form's fields as one condition group: everything chosen must hold together. */
function formConditions(v: RuleValues): AlertCondition[] {
  const all: AlertCondition[] = [];
  if (v.bands.length) all.push({ field: 'band', in: v.bands as never });
  if (v.minScore !== '' || v.maxScore !== '')
    all.push({
      field: 'score',
      ...(v.minScore !== '' && { min: Number(v.minScore) }),
      ...(v.maxScore !== '' && { max: Number(v.maxScore) }),
    });
  if (v.hasComment) all.push({ field: 'hasComment' });
  if (v.keywords.length) all.push({ field: 'keywords', any: v.keywords });
  return all;
}

/** The rule's condition groups: the form's first group with what it kept, then the kept groups. */
export function groupsOf(v: RuleValues, kept: KeptConditions): AlertCondition[][] {
  const first = [...formConditions(v), ...kept.inFirst];
  return first.length ? [first, ...kept.otherGroups] : [];
}

export const bodyOf = (v: RuleValues, kept: KeptConditions): AlertRuleInput => ({
  name: v.name,
  groups: groupsOf(v, kept),
  priority: v.priority,
  channels: {
    emails: v.channels.emails,
    teamIds: v.channels.teamIds,
    webhook: v.channels.webhook,
    attributeEmail: v.channels.attributeEmail.trim() || null,
    chatUrl: v.channels.chatUrl.trim() || null,
  },
  delivery: v.delivery,
  digestHour: Number(v.digestHour),
  ...(v.order !== '' && { order: Number(v.order) }),
  stopAfter: v.stopAfter,
  noAnswerDays: v.noAnswerDays === '' ? null : Number(v.noAnswerDays),
  openCase: v.openCase,
  slaHours: Number(v.slaHours),
});
