import type { SlaPolicy } from '@pulse/shared/schemas/sla';

import type { SlaPolicyDoc } from './sla.model';

export const presentPolicy = (p: SlaPolicyDoc): SlaPolicy => ({
  id: String(p._id),
  name: p.name,
  touchpointId: p.touchpointId ? String(p.touchpointId) : null,
  priority: (p.priority ?? null) as SlaPolicy['priority'],
  clock: p.clock as SlaPolicy['clock'],
  firstResponseMinutes: p.firstResponseMinutes,
  resolutionMinutes: p.resolutionMinutes,
  escalations: p.escalations.map((s) => ({
    target: s.target as SlaPolicy['escalations'][number]['target'],
    percent: s.percent,
    notify: [...s.notify] as SlaPolicy['escalations'][number]['notify'],
    reassignTo: s.reassignTo ? String(s.reassignTo) : null,
    teamId: s.teamId ? String(s.teamId) : null,
    raisePriority: s.raisePriority ?? false,
  })),
  updatedAt: p.updatedAt.toISOString(),
});
