import type { AlertRule } from '@pulse/shared/schemas/alerts';

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
  },
  openCase: r.openCase,
  slaHours: r.slaHours,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
