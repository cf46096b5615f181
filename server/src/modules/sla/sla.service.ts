import mongoose, { type Types } from 'mongoose';

import { can } from '@pulse/shared/permissions';
import type { CasePriority } from '@pulse/shared/schemas/alerts';
import { addClockTime, type Calendar } from '@pulse/shared/metrics/business-time';
import {
  BusinessCalendar,
  type CreateSlaPolicyBody,
  type EscalationStep,
  type SlaClock,
  type SlaTarget,
} from '@pulse/shared/schemas/sla';

import type { Ctx } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { derivedId, isDuplicateKey } from '../../lib/derived-id';
import { listMembers } from '../members/members.service';
import { getOrganisation } from '../organisations/organisation.service';
import { assertTeams, teamEmails } from '../teams/teams.service';
import { getTouchpoint } from '../touchpoints/touchpoints.service';
import { SlaCalendarModel, SlaPolicyModel, type SlaPolicyDoc } from './sla.model';

const MINUTE = 60_000;
const weekdayHours = [{ start: '09:00', end: '17:00' }];

// One calendar per organisation: two first saves at once upsert the same document.
const calendarOf = (ctx: Pick<Ctx, 'organisationId'>) => ({
  _id: derivedId('sla-calendar', ctx.organisationId),
  organisationId: ctx.organisationId,
});

/** The organisation's calendar; until someone edits it, Monday to Friday 09:00–17:00 in its zone. */
export async function getCalendar(ctx: Pick<Ctx, 'organisationId'>): Promise<Calendar> {
  const stored = await SlaCalendarModel.findOne(calendarOf(ctx)).lean();
  if (stored)
    return BusinessCalendar.parse({ timeZone: stored.timeZone, hours: stored.hours, holidays: stored.holidays });
  const org = await getOrganisation(ctx);
  return BusinessCalendar.parse({
    timeZone: org.timeZone,
    hours: { mon: weekdayHours, tue: weekdayHours, wed: weekdayHours, thu: weekdayHours, fri: weekdayHours },
  });
}

export async function saveCalendar(ctx: Ctx, calendar: BusinessCalendar): Promise<Calendar> {
  await SlaCalendarModel.updateOne(
    calendarOf(ctx),
    { $set: { timeZone: calendar.timeZone, hours: calendar.hours, holidays: calendar.holidays } },
    { upsert: true },
  );
  return getCalendar(ctx);
}

export const listPolicies = (ctx: Ctx) =>
  SlaPolicyModel.find({ organisationId: ctx.organisationId }).sort({ _id: 1 }).lean<SlaPolicyDoc[]>();

export async function getPolicy(ctx: Pick<Ctx, 'organisationId'>, policyId: string | Types.ObjectId) {
  const policy = await SlaPolicyModel.findOne({
    _id: policyId,
    organisationId: ctx.organisationId,
  }).lean<SlaPolicyDoc>();
  if (!policy) throw notFound('SLA policy');
  return policy;
}

/** What a policy names must exist in the organisation: a touchpoint, the people steps reassign to. */
async function assertReferences(ctx: Ctx, body: CreateSlaPolicyBody) {
  if (body.touchpointId) {
    await getTouchpoint(ctx, body.touchpointId).catch(() => {
      throw new AppError('validation_failed', 'Unknown touchpoint', [
        { path: 'body.touchpointId', message: 'must be a touchpoint of this organisation' },
      ]);
    });
  }
  const { members } = await listMembers(ctx);
  const ids = new Set(members.map((m) => String(m.membership._id)));
  const stranger = body.escalations.findIndex((s) => s.reassignTo && !ids.has(s.reassignTo));
  if (stranger >= 0) {
    throw new AppError('validation_failed', 'The step reassigns to someone outside this organisation', [
      { path: `body.escalations.${stranger}.reassignTo`, message: 'must be a member of this organisation' },
    ]);
  }
  const named = body.escalations.flatMap((s, i) => (s.teamId ? [{ teamId: s.teamId, i }] : []));
  await assertTeams(
    ctx,
    named.map((n) => n.teamId),
    (k) => `body.escalations.${named[k]!.i}.teamId`,
  );
}

const taken = () =>
  new AppError('conflict', 'A policy for this touchpoint and priority exists', [
    { path: 'body.priority', message: 'another policy covers this touchpoint and priority' },
  ]);

export async function createPolicy(ctx: Ctx, body: CreateSlaPolicyBody): Promise<SlaPolicyDoc> {
  await assertReferences(ctx, body);
  try {
    const created = await SlaPolicyModel.create({ organisationId: ctx.organisationId, ...body });
    return created.toObject() as SlaPolicyDoc;
  } catch (err) {
    throw isDuplicateKey(err) ? taken() : err;
  }
}

/** Cases keep the due times they were given; a changed policy applies to cases opened or re-prioritised after. */
export async function updatePolicy(ctx: Ctx, policyId: string, body: CreateSlaPolicyBody): Promise<SlaPolicyDoc> {
  await assertReferences(ctx, body);
  const updated = await SlaPolicyModel.findOneAndUpdate(
    { _id: policyId, organisationId: ctx.organisationId },
    { $set: body },
    { returnDocument: 'after' },
  )
    .lean<SlaPolicyDoc>()
    .catch((err: unknown) => {
      throw isDuplicateKey(err) ? taken() : err;
    });
  if (!updated) throw notFound('SLA policy');
  return updated;
}

export async function deletePolicy(ctx: Ctx, policyId: string): Promise<void> {
  const deleted = await SlaPolicyModel.findOneAndDelete({ _id: policyId, organisationId: ctx.organisationId }).lean();
  if (!deleted) throw notFound('SLA policy');
}

/** The most specific policy: touchpoint and priority, then touchpoint, then priority, then the default. */
async function policyFor(ctx: Pick<Ctx, 'organisationId'>, touchpointId: string | null, priority: CasePriority) {
  const candidates = await SlaPolicyModel.find({
    organisationId: ctx.organisationId,
    touchpointId: mongoose.trusted({ $in: touchpointId ? [touchpointId, null] : [null] }),
    priority: mongoose.trusted({ $in: [priority, null] }),
  }).lean<SlaPolicyDoc[]>();
  const rank = (p: SlaPolicyDoc) => (p.touchpointId ? 2 : 0) + (p.priority ? 1 : 0);
  return candidates.sort((a, b) => rank(b) - rank(a))[0] ?? null;
}

export interface CaseDueTimes {
  policyId: Types.ObjectId | null;
  clock: SlaClock;
  firstResponseDueAt: Date | null;
  /** Always set: a case without a policy keeps the hours its rule gave. */
  resolutionDueAt: Date;
}

/**
 * A case's due times from the moment it opened. Without a policy the case keeps the hours its
 * rule (or the agent) gave, on the 24/7 clock, and has no first-response target.
 */
export async function dueTimesFor(
  ctx: Pick<Ctx, 'organisationId'>,
  input: { touchpointId: string | null; priority: CasePriority; openedAt: Date; fallbackHours: number },
): Promise<CaseDueTimes> {
  const policy = await policyFor(ctx, input.touchpointId, input.priority);
  if (!policy) {
    return {
      policyId: null,
      clock: '24/7',
      firstResponseDueAt: null,
      resolutionDueAt: new Date(input.openedAt.getTime() + input.fallbackHours * 60 * MINUTE),
    };
  }
  const clock = policy.clock as SlaClock;
  const calendar = clock === 'business' ? await getCalendar(ctx) : null;
  const due = (minutes: number) => addClockTime(clock, calendar!, input.openedAt, minutes * MINUTE);
  return {
    policyId: policy._id,
    clock,
    firstResponseDueAt: due(policy.firstResponseMinutes),
    resolutionDueAt: due(policy.resolutionMinutes),
  };
}

/** One moment an escalation job wakes up at: a share of a target, and what the policy does then. */
export interface EscalationPoint {
  target: SlaTarget;
  percent: number;
  fireAt: Date;
  dueAt: Date;
  steps: EscalationStep[];
}

/**
 * Every moment a case's SLA needs a look: each step's share of its target, and each target's
 * breach (100%) even when no step acts then, so `breachedAt` is set on time.
 */
export async function escalationPoints(
  ctx: Pick<Ctx, 'organisationId'>,
  openedAt: Date,
  due: CaseDueTimes,
): Promise<EscalationPoint[]> {
  const policy = due.policyId ? await getPolicy(ctx, due.policyId).catch(() => null) : null;
  const calendar = due.clock === 'business' ? await getCalendar(ctx) : null;
  const steps = (policy?.escalations ?? []) as EscalationStep[];
  const points: EscalationPoint[] = [];
  for (const target of ['firstResponse', 'resolution'] as const) {
    const dueAt = target === 'firstResponse' ? due.firstResponseDueAt : due.resolutionDueAt;
    if (!dueAt) continue;
    const percents = new Set([...steps.filter((s) => s.target === target).map((s) => s.percent), 100]);
    const span = due.clock === 'business' ? null : dueAt.getTime() - openedAt.getTime();
    const minutes = policy
      ? target === 'firstResponse'
        ? policy.firstResponseMinutes
        : policy.resolutionMinutes
      : null;
    for (const percent of percents) {
      const fireAt =
        percent === 100
          ? dueAt
          : span !== null
            ? new Date(openedAt.getTime() + (span * percent) / 100)
            : addClockTime('business', calendar!, openedAt, (minutes! * MINUTE * percent) / 100);
      points.push({
        target,
        percent,
        fireAt,
        dueAt,
        steps: steps.filter((s) => s.target === target && s.percent === percent),
      });
    }
  }
  return points;
}

/**
 * Who a step mails: the assignee, the team, the admins. "The team" is the members of `teamIds`
 * (the step's chosen team or the case's); with none, everyone who works cases.
 */
export async function recipientsOf(
  ctx: Pick<Ctx, 'organisationId'>,
  whom: Set<string>,
  assigneeId: string | null,
  teamIds: readonly string[] = [],
): Promise<string[]> {
  if (whom.size === 0) return [];
  const { members } = await listMembers(ctx);
  const everyone = teamIds.length === 0;
  const emails = members
    .filter(
      ({ membership: m }) =>
        (whom.has('assignee') && String(m._id) === assigneeId) ||
        (whom.has('team') && everyone && can(m.role, 'cases.work')) ||
        (whom.has('admins') && (m.role === 'owner' || m.role === 'admin')),
    )
    .map((m) => m.user.email);
  const team = whom.has('team') && !everyone ? await teamEmails(ctx, teamIds) : [];
  return [...new Set([...emails, ...team])].sort();
}
