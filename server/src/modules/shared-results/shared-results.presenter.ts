import type { SharedLink } from '@pulse/shared/schemas/shared-results';

import type { SharedLinkDoc } from './shared-link.model';

export const presentSharedLink = (doc: SharedLinkDoc): SharedLink => ({
  id: String(doc._id),
  name: doc.name,
  selection: {
    kind: doc.selection.kind,
    touchpointIds: doc.selection.touchpointIds,
    from: doc.selection.from ?? null,
    to: doc.selection.to ?? null,
    lastDays: doc.selection.lastDays ?? null,
  },
  showComments: doc.showComments,
  minGroupSize: doc.minGroupSize,
  expiresAt: doc.expiresAt?.toISOString() ?? null,
  revokedAt: doc.revokedAt?.toISOString() ?? null,
  createdAt: doc.createdAt.toISOString(),
});
