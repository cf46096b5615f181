import type { Touchpoint } from '@pulse/shared/schemas/touchpoints';

import type { TouchpointDoc } from './touchpoint.model';

export const presentTouchpoint = (t: TouchpointDoc): Touchpoint => ({
  id: String(t._id),
  key: t.key,
  name: t.name,
  stage: t.stage,
  order: t.order,
  defaultChannel: t.defaultChannel as Touchpoint['defaultChannel'],
  rules: rulesOf(t),
  ownerTeamId: t.ownerTeamId ? String(t.ownerTeamId) : null,
  ownerUserIds: (t.ownerUserIds ?? []).map(String),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

export function rulesOf(t: TouchpointDoc): Touchpoint['rules'] {
  const r = t.rules;
  return {
    surveyId: r?.surveyId ? String(r.surveyId) : null,
    channel: (r?.channel ?? 'email') as Touchpoint['rules']['channel'],
    paused: r?.paused ?? false,
    delayMinutes: r?.delayMinutes ?? 0,
    samplingPercent: r?.samplingPercent ?? 100,
    fatigueDays: r?.fatigueDays ?? 0,
    quietHours: r?.quietHours?.start && r.quietHours.end ? { start: r.quietHours.start, end: r.quietHours.end } : null,
    reminders: { count: r?.reminders?.count ?? 0, spacingHours: r?.reminders?.spacingHours ?? 72 },
    expiryDays: r?.expiryDays ?? 30,
  };
}
