import type { DigestSubscription } from '@pulse/shared/schemas/digests';

import type { DigestSubscriptionDoc } from './digest-subscription.model';
import { nextDueAt } from './digest-schedule';

export const presentSubscription = (doc: DigestSubscriptionDoc, now = new Date()): DigestSubscription => ({
  id: String(doc._id),
  kind: doc.userId ? 'member' : 'recipient',
  email: doc.email,
  frequency: doc.frequency,
  hour: doc.hour,
  timeZone: doc.timeZone,
  touchpointIds: doc.touchpointIds,
  active: doc.active,
  lastPeriod: doc.lastPeriod ?? null,
  lastSentAt: doc.lastSentAt ? doc.lastSentAt.toISOString() : null,
  nextDueAt: nextDueAt({ ...doc, lastPeriod: doc.lastPeriod ?? null }, now).toISOString(),
});
