import type { Redis } from 'ioredis';

import type { ErrorDetail } from '@pulse/shared/errors';
import type { Decision, Interaction } from '@pulse/shared/schemas/interactions';

import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { checkAttributeTypes, recordTimelineMany } from '../contacts/contacts.service';
import { decideAll, type Planned } from '../invitations/invitations.decide';
import { queueInvitations, storeDecisions } from '../invitations/invitations.send';
import { touchpointsByKey } from '../touchpoints/touchpoints.service';

/**
 * Every interaction of a batch is checked before anything is stored: one bad item refuses the
 * whole batch (400 naming each item's index and field) and leaves no trace, so a caller fixes
 * and resends the batch without working out which half went in.
 */
async function validate(ctx: Ctx, items: Interaction[], pathOf: (i: number) => string) {
  const touchpoints = await touchpointsByKey(ctx);
  const errors: ErrorDetail[] = [];
  items.forEach((item, i) => {
    if (!touchpoints.has(item.touchpoint)) {
      errors.push({ path: `${pathOf(i)}.touchpoint`, message: `names no touchpoint of this organisation` });
    }
  });
  errors.push(
    ...(await checkAttributeTypes(
      ctx,
      items.map((item, i) => ({ path: `${pathOf(i)}.contact.attributes`, attributes: item.contact.attributes })),
    )),
  );
  if (errors.length) throw new AppError('validation_failed', 'The request is not valid', errors);
  return touchpoints;
}

/**
 * Redis down means no send can be queued: answer 503 at once (the fail-fast client rejects
 * without waiting) rather than accept work that would sit until the reconciler's next pass.
 */
async function requireQueue(redis: Redis) {
  try {
    await redis.ping();
  } catch {
    throw new AppError('service_unavailable', 'Pulse cannot queue invitations right now; retry shortly');
  }
}

/** Records each interaction, decides whether to ask, and queues the sends: one decision per item. */
export async function ingestInteractions(
  ctx: Ctx,
  deps: { redis: Redis },
  items: Interaction[],
  opts: { batch: boolean },
): Promise<Decision[]> {
  const pathOf = (i: number) => (opts.batch ? `body.interactions.${i}` : 'body');
  const touchpoints = await validate(ctx, items, pathOf);
  await requireQueue(deps.redis);
  const planned: Planned[] = await decideAll(ctx, items, touchpoints);
  const fresh = planned.filter((p) => !p.replayed);
  const stored = await storeDecisions(ctx, fresh);
  await recordTimelineMany(
    ctx,
    stored.map((p) => ({
      contactId: p.decision.contactId,
      kind: 'interaction' as const,
      at: p.occurredAt,
      summary:
        p.decision.outcome === 'invited'
          ? `Interaction at ${p.touchpointKey}: invited by ${p.decision.channel}`
          : `Interaction at ${p.touchpointKey}: not asked (${p.decision.reason})`,
      touchpointKey: p.touchpointKey,
      channel: p.decision.channel,
      refId: p.decision.invitationId,
    })),
  );
  await queueInvitations(ctx, stored);
  const byIndex = new Map([...planned.filter((p) => p.replayed), ...stored].map((p) => [p.decision.index, p.decision]));
  return items.map((_, i) => byIndex.get(i)!);
}
