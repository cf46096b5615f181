import type { AttributeValue, Contact, TimelineEntry } from '@pulse/shared/schemas/contacts';

import type { ContactDoc } from './contact.model';
import type { TimelineDoc } from './timeline-entry.model';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const presentContact = (c: ContactDoc): Contact => ({
  id: String(c._id),
  externalId: c.externalId ?? null,
  email: c.email ?? null,
  name: c.name ?? null,
  language: c.language ?? null,
  timeZone: c.timeZone ?? null,
  attributes: (c.attributes ?? {}) as Record<string, AttributeValue>,
  suppression: c.suppression?.reason
    ? {
        reason: c.suppression.reason as 'unsubscribed' | 'bounced' | 'complained',
        at: c.suppression.at!.toISOString(),
        detail: c.suppression.detail ?? null,
      }
    : null,
  lastInvitedAt: iso(c.lastInvitedAt),
  erasedAt: iso(c.erasedAt),
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export const presentTimelineEntry = (e: TimelineDoc): TimelineEntry => ({
  id: String(e._id),
  at: e.at.toISOString(),
  kind: e.kind as TimelineEntry['kind'],
  summary: e.summary,
  touchpointKey: e.touchpointKey,
  channel: e.channel,
  refId: e.refId,
});
