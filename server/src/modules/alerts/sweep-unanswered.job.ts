import mongoose, { type Types } from 'mongoose';
import { z } from 'zod';

import { systemContext, type Ctx } from '../../lib/context';
import { derivedId, isDuplicateKey } from '../../lib/derived-id';
import { emit } from '../../lib/events/events';
import { boundJobs, defineJob } from '../../lib/jobs';
import type { Logger } from '../../lib/logger';
import { listInvitations } from '../invitations/invitations.service';
import { AlertFiringModel } from './alert-firing.model';
import { AlertRuleModel, groupsOf, type AlertRuleDoc } from './alert-rule.model';

const DAY = 86_400_000;
/** How far back past the deadline a sweep looks: a worker down for a day still catches up. */
const CATCH_UP_MS = 2 * DAY;
const PAGE = 500;
/** Sent and perhaps opened or clicked, but not answered. */
const UNANSWERED = ['sent', 'opened', 'clicked'] as const;

/** A rule that names touchpoints asks only about invitations to those; otherwise about all. */
function touchpointsOf(rule: AlertRuleDoc): Set<string> | null {
  const ids = groupsOf(rule).flatMap((g) => g.flatMap((c) => (c.field === 'touchpoint' ? c.in : [])));
  return ids.length ? new Set(ids) : null;
}

async function sweepRule(ctx: Ctx, rule: AlertRuleDoc, now: Date) {
  const deadline = new Date(now.getTime() - rule.noAnswerDays! * DAY);
  const touchpoints = touchpointsOf(rule);
  let fired = 0;
  for (const state of UNANSWERED) {
    let cursor: string | undefined;
    do {
      const page = await listInvitations(ctx, {
        state,
        from: new Date(deadline.getTime() - CATCH_UP_MS).toISOString(),
        to: deadline.toISOString(),
        cursor,
        limit: PAGE,
      });
      for (const inv of page.invitations) {
        if (!inv.sentAt || inv.sentAt > deadline) continue;
        if (touchpoints && !touchpoints.has(String(inv.touchpointId))) continue;
        if (await fire(ctx, rule, inv)) fired++;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return fired;
}

/**
 * One firing per (rule, invitation), ever: its _id is derived from both, so a second sweep (or a
 * second worker) collides on insert. The event's id is derived too: a sweep dying between the
 * insert and the emit is finished by the next one, which finds the firing unannounced.
 */
async function fire(
  ctx: Ctx,
  rule: AlertRuleDoc,
  inv: { _id: Types.ObjectId; contactId: Types.ObjectId; touchpointKey: string; sentAt?: Date | null },
): Promise<boolean> {
  const _id = derivedId('alert-no-answer', String(rule._id), String(inv._id));
  const firing = await AlertFiringModel.create({
    _id,
    organisationId: ctx.organisationId,
    ruleId: rule._id,
    kind: 'no_answer',
    invitationId: inv._id,
    contactId: inv.contactId,
    touchpointKey: inv.touchpointKey,
    invitedAt: inv.sentAt,
    trigger: `no_answer#${rule.noAnswerDays}d`,
    delivery: rule.delivery ?? 'immediate',
  }).catch(async (err: unknown) => {
    if (!isDuplicateKey(err)) throw err;
    return AlertFiringModel.findOne({ _id, organisationId: ctx.organisationId }).lean();
  });
  if (!firing || firing.announcedAt) return false;
  await emit(
    ctx,
    'alert.triggered',
    {
      target: String(_id),
      firingId: String(_id),
      ruleId: String(rule._id),
      responseId: null,
      invitationId: String(inv._id),
      caseId: null,
      priority: rule.priority,
      webhook: rule.channels?.webhook ?? false,
    },
    { eventId: derivedId('alert.triggered', String(_id)) },
  );
  await AlertFiringModel.updateOne({ _id, organisationId: ctx.organisationId }, { $set: { announcedAt: new Date() } });
  return true;
}

/** Every enabled rule with a "no answer" delay, across organisations (the sweep serves them all). */
export async function sweepUnanswered(log: Logger, now = new Date()) {
  const rules = await AlertRuleModel.find({ enabled: true, noAnswerDays: mongoose.trusted({ $gt: 0 }) })
    .setOptions({ crossTenant: true })
    .lean<AlertRuleDoc[]>();
  let fired = 0;
  for (const rule of rules) {
    const ctx = systemContext({ organisationId: String(rule.organisationId), log, name: 'Alerts: no answer' });
    fired += await sweepRule(ctx, rule, now);
  }
  return { rules: rules.length, fired };
}

export const SweepUnanswered = defineJob({
  name: 'alerts.sweep-unanswered',
  queue: 'transactional',
  payload: z.object({}),
  // The next run is the retry.
  options: { attempts: 1, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } },
  async run(_payload, { log }) {
    const result = await sweepUnanswered(log);
    if (result.fired) log.info(result, 'fired "no answer" alerts');
  },
});

/** Declared by every worker at start: one schedule, hourly. */
export const scheduleUnansweredSweep = () =>
  boundJobs().schedule(SweepUnanswered, SweepUnanswered.name, { pattern: '17 * * * *' }, {});
