import type { AlertFiring, AlertRule } from '@pulse/shared/schemas/alerts';

import type { AlertFiringDoc } from './alert-firing.model';

import { groupsOf, type AlertRuleDoc } from './alert-rule.model';

export const presentRule = (r: AlertRuleDoc): AlertRule => ({
  id: String(r._id),
  name: r.name,
  enabled: r.enabled,
  groups: groupsOf(r),
  priority: r.priority,
  channels: {
    emails: [...(r.channels?.emails ?? [])],
    teamIds: (r.channels?.teamIds ?? []).map(String),
    webhook: !!r.channels?.webhook,
    attributeEmail: r.channels?.attributeEmail ?? null,
    chatUrl: r.channels?.chatUrl ?? null,
  },
  delivery: r.delivery ?? 'immediate',
  digestHour: r.digestHour ?? 0,
  order: r.order ?? 0,
  stopAfter: !!r.stopAfter,
  noAnswerDays: r.noAnswerDays ?? null,
  openCase: r.openCase,
  slaHours: r.slaHours,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const outcome = (o: { state?: string | null; detail?: string | null } | null | undefined) =>
  o?.state ? { state: o.state, detail: o.detail ?? null } : null;

interface FiringFacts {
  response: {
    score?: number | null;
    band?: string | null;
    touchpointKey?: string | null;
    comment?: string | null;
  } | null;
  emails: Array<{ to: string; state: string; lastError?: string | null }>;
}

export const presentFiring = (f: AlertFiringDoc, { response, emails }: FiringFacts): AlertFiring => ({
  id: String(f._id),
  ruleId: String(f.ruleId),
  responseId: f.responseId ? String(f.responseId) : null,
  invitationId: f.invitationId ? String(f.invitationId) : null,
  kind: f.kind === 'no_answer' ? 'no_answer' : 'response',
  at: f.at.toISOString(),
  score: response?.score ?? null,
  band: response?.band ?? null,
  touchpointKey: response?.touchpointKey ?? f.touchpointKey ?? null,
  comment: response?.comment ?? null,
  caseId: f.caseId ? String(f.caseId) : null,
  emails: emails.map((m) => ({ to: m.to, state: m.state, detail: m.lastError ?? null })),
  attributeEmail: outcome(f.attributeEmail),
  chat: outcome(f.chat),
  digest: outcome(f.digest),
});
