import type { AssignmentRule, Team } from '@pulse/shared/schemas/teams';

import type { AssignmentRuleDoc } from './assignment-rule.model';
import type { TeamDoc } from './team.model';

export const presentTeam = (t: TeamDoc): Team => ({
  id: String(t._id),
  name: t.name,
  memberIds: t.memberIds.map(String),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

export const presentAssignmentRule = (r: AssignmentRuleDoc): AssignmentRule => ({
  id: String(r._id),
  name: r.name,
  position: r.position,
  touchpointId: r.touchpointId ? String(r.touchpointId) : null,
  attribute: r.attribute?.key ? { key: r.attribute.key, value: r.attribute.value as string | number | boolean } : null,
  teamId: String(r.teamId),
  strategy: r.strategy as AssignmentRule['strategy'],
  userId: r.userId ? String(r.userId) : null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
