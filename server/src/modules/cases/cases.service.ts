import mongoose from 'mongoose';
import type { z } from 'zod';

import type { CasePriority } from '@pulse/shared/schemas/alerts';
import {
  CASE_TRANSITIONS,
  type CaseReplyBody,
  type CaseStatus,
  type CloseCaseBody,
  type UpdateCaseBody,
} from '@pulse/shared/schemas/cases';

import { clock } from '../../lib/clock';
import type { Ctx } from '../../lib/context';
import { userActor } from '../../lib/context';
import { derivedId, isDuplicateKey } from '../../lib/derived-id';
import { AppError, notFound } from '../../lib/errors';
import { emit } from '../../lib/events/events';
import { getContact, recordTimeline } from '../contacts/contacts.service';
import { sendOrganisationEmail } from '../mail/mail.service';
import { listMembers } from '../members/members.service';
import { findResponse } from '../responses/responses.service';
import { scheduleEscalations } from '../sla/sla.schedule';
import { dueTimesFor, getCalendar, type CaseDueTimes } from '../sla/sla.service';
import { assertTeams, teamIdsOfUser } from '../teams/teams.service';
import { assignmentFor } from '../teams/assignment.service';
import { replyMail } from './cases.emails';
import { CaseModel, type CaseDoc } from './case.model';
import { CaseNumberModel } from './case-number.model';

const DONE: CaseStatus[] = ['resolved', 'closed'];
const STATUS_KINDS = new Set(['status', 'closed']);

const actorLabel = (ctx: Ctx) =>
  ctx.actor.kind === 'user'
    ? ctx.actor.name || ctx.actor.email
    : ctx.actor.kind === 'apiKey'
      ? ctx.actor.name
      : 'Pulse';

const entry = (ctx: Ctx, kind: string, fields: { text?: string | null; from?: string | null; to?: string | null }) => ({
  kind,
  at: clock().now(),
  actor: actorLabel(ctx),
  text: fields.text ?? null,
  from: fields.from ?? null,
  to: fields.to ?? null,
  ref: null as string | null,
});

export const caseIdOf = (responseId: string) => derivedId('case', responseId);

/**
 * The next free number, claimed by inserting it: concurrent openings collide on the derived _id
 * and try the next one. A case that then loses its own insert race (the same response opened
 * twice at once) leaves its claimed number unused, a gap rather than a duplicate.
 */
async function claimNumber(ctx: Ctx, caseId: mongoose.Types.ObjectId): Promise<number> {
  const last = await CaseModel.findOne({ organisationId: ctx.organisationId })
    .sort({ number: -1 })
    .select('number')
    .lean();
  for (let number = (last?.number ?? 0) + 1; ; number++) {
    try {
      await CaseNumberModel.create({
        _id: derivedId('case-number', ctx.organisationId, String(number)),
        organisationId: ctx.organisationId,
        number,
        caseId,
      });
      return number;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
}

export interface OpenCaseInput {
  responseId: string;
  ruleId: string | null;
  priority: CasePriority;
  slaHours: number;
}

/**
 * Opens the response's case, or finds the one already open for it: the _id is derived from the
 * response, so concurrent and repeated openings end at one document. case.created goes out once
 * the insert is in; a crash before that leaves `announcedAt` null and the next opening sends it.
 */
export async function openCase(ctx: Ctx, input: OpenCaseInput): Promise<CaseDoc> {
  const _id = caseIdOf(input.responseId);
  const where = { _id, organisationId: ctx.organisationId };
  let doc = await CaseModel.findOne(where).lean<CaseDoc>();
  if (!doc) {
    const response = await findResponse(ctx, input.responseId);
    if (!response) throw notFound('Response');
    const contact = response.contactId ? await getContact(ctx, String(response.contactId)).catch(() => null) : null;
    const openedAt = clock().now();
    const due = await dueTimesFor(ctx, {
      touchpointId: response.touchpointId ? String(response.touchpointId) : null,
      priority: input.priority,
      openedAt,
      fallbackHours: input.slaHours,
    });
    // Nobody is named when a case opens: the first matching assignment rule picks its team and person.
    const assigned = await assignmentFor(ctx, {
      touchpointId: response.touchpointId ? String(response.touchpointId) : null,
      attributes: (response.contactAttributes ?? {}) as Record<string, unknown>,
    });
    try {
      await CaseModel.create({
        _id,
        organisationId: ctx.organisationId,
        // Due times count from this instant: the timestamp must be the same one.
        createdAt: openedAt,
        number: await claimNumber(ctx, _id),
        responseId: response._id,
        ruleId: input.ruleId,
        openedBy: input.ruleId ? 'rule' : 'agent',
        priority: input.priority,
        teamId: assigned?.teamId ?? null,
        assigneeId: assigned?.assigneeId ?? null,
        dueAt: due.resolutionDueAt,
        sla: { ...due, firstRespondedAt: null, breachedAt: null },
        snapshot: {
          score: response.score,
          band: response.band,
          comment: response.comment ?? null,
          touchpointId: response.touchpointId,
          touchpointKey: response.touchpointKey,
          channel: response.channel,
          contactId: response.contactId,
          contactEmail: contact?.email ?? null,
          contactName: contact?.name ?? null,
        },
        timeline: [
          entry(ctx, 'created', { text: input.ruleId ? 'Opened by an alert rule' : 'Opened by hand' }),
          ...(assigned
            ? [entry(ctx, 'team', { text: `Assignment rule "${assigned.ruleName}"`, to: assigned.teamId })]
            : []),
          ...(assigned?.assigneeId
            ? [entry(ctx, 'assignee', { text: `Assignment rule "${assigned.ruleName}"`, to: assigned.assigneeId })]
            : []),
        ],
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    doc = (await CaseModel.findOne(where).lean<CaseDoc>())!;
  }
  if (!doc.announcedAt) {
    // Before the announcement: a crash in between leaves it unannounced, and the next opening
    // schedules again (same job ids, so nothing twice).
    await scheduleEscalations(ctx, doc as CaseDoc & { sla: CaseDueTimes });
    if (doc.snapshot.contactId) {
      await recordTimeline(ctx, String(doc.snapshot.contactId), {
        kind: 'case',
        summary: `Case ${doc.number} opened`,
        refId: String(doc._id),
        touchpointKey: doc.snapshot.touchpointKey,
      });
    }
    await emit(
      ctx,
      'case.created',
      {
        target: String(doc._id),
        caseId: String(doc._id),
        responseId: String(doc.responseId),
        ruleId: doc.ruleId ? String(doc.ruleId) : null,
        priority: doc.priority,
      },
      // Two alert evaluations of one response may both find the case unannounced.
      { eventId: derivedId('case.created', String(doc._id)) },
    );
    await CaseModel.updateOne(where, { $set: { announcedAt: new Date() } });
  }
  return doc;
}

export const findCase = (ctx: Pick<Ctx, 'organisationId'>, caseId: string) =>
  CaseModel.findOne({ _id: caseId, organisationId: ctx.organisationId }).lean<CaseDoc>();

export async function getCase(ctx: Ctx, caseId: string): Promise<CaseDoc> {
  const doc = await CaseModel.findOne({ _id: caseId, organisationId: ctx.organisationId }).lean<CaseDoc>();
  if (!doc) throw notFound('Case');
  return doc;
}

export async function listCases(ctx: Ctx, view: 'all' | 'mine' | 'team' | 'overdue' | 'open'): Promise<CaseDoc[]> {
  const filter: Record<string, unknown> = { organisationId: ctx.organisationId };
  if (view !== 'all') filter.status = mongoose.trusted({ $nin: DONE });
  if (view === 'mine') filter.assigneeId = userActor(ctx).membershipId;
  if (view === 'team') {
    const teamIds = await teamIdsOfUser(ctx, userActor(ctx).userId);
    if (teamIds.length === 0) return [];
    filter.teamId = mongoose.trusted({ $in: teamIds.map((id) => new mongoose.Types.ObjectId(id)) });
  }
  if (view === 'overdue') filter['sla.resolutionDueAt'] = mongoose.trusted({ $lt: clock().now() });
  return CaseModel.find(filter).sort({ dueAt: 1, _id: 1 }).limit(500).lean<CaseDoc[]>();
}

/**
 * One change as a conditional update on the case's seq, retried on a fresh read when another
 * change landed in between; `plan` says what to set and log given the current case, or throws.
 */
async function change(
  ctx: Ctx,
  caseId: string,
  plan: (doc: CaseDoc) => { set: Record<string, unknown>; entries: ReturnType<typeof entry>[] },
): Promise<{ before: CaseDoc; after: CaseDoc }> {
  for (let round = 0; round < 10; round++) {
    const before = await getCase(ctx, caseId);
    const { set, entries } = plan(before);
    // A move of status marks itself pending in the same write, and its entry names the seq it
    // happened at, so a lost announcement can be made later with the same event id.
    const moves = 'status' in set && set.status !== before.status;
    const logged = entries.map((e) =>
      moves && STATUS_KINDS.has(e.kind) ? { ...e, ref: `status:${before.seq + 1}` } : e,
    );
    const after = await CaseModel.findOneAndUpdate(
      { _id: before._id, organisationId: ctx.organisationId, seq: before.seq },
      {
        $set: moves ? { ...set, statusPendingAt: clock().now() } : set,
        $inc: { seq: 1 },
        $push: { timeline: { $each: logged } },
      },
      { returnDocument: 'after' },
    ).lean<CaseDoc>();
    if (after) return { before, after };
  }
  throw new AppError('conflict', 'The case is changing too often; try again');
}

function assertTransition(from: CaseStatus, to: CaseStatus) {
  if (!CASE_TRANSITIONS[from].includes(to)) {
    throw new AppError(
      'validation_failed',
      `A ${from.replace(/_/g, ' ')} case cannot move to ${to.replace(/_/g, ' ')}`,
      [{ path: 'body.status', message: `must be one of: ${CASE_TRANSITIONS[from].join(', ')}` }],
    );
  }
}

/**
 * Emits the case's latest status move, once: the event id is derived from (case, seq of the move),
 * so the request and a sweep after a crash store one event. The marker is cleared only while no
 * newer change landed; a newer move announces itself.
 */
export async function announcePendingStatus(ctx: Ctx, doc: CaseDoc): Promise<void> {
  const move = doc.timeline.findLast((e) => e.ref?.startsWith('status:'));
  if (move) {
    const seq = Number(move.ref!.slice('status:'.length));
    await emit(
      ctx,
      'case.status_changed',
      { target: String(doc._id), caseId: String(doc._id), seq, from: move.from ?? null, to: move.to ?? null },
      { eventId: derivedId('case.status_changed', String(doc._id), String(seq)) },
    );
  }
  await CaseModel.updateOne(
    { _id: doc._id, organisationId: ctx.organisationId, seq: doc.seq },
    { $set: { statusPendingAt: null } },
  );
}

/** Moves a case along, from the status the agent saw: a change made meanwhile answers 409. */
export async function transitionCase(ctx: Ctx, caseId: string, input: { status: CaseStatus; from: CaseStatus }) {
  const { after } = await change(ctx, caseId, (doc) => {
    if (doc.status !== input.from) throw new AppError('conflict', `The case is ${doc.status.replace(/_/g, ' ')} now`);
    assertTransition(doc.status, input.status);
    const reopening = DONE.includes(doc.status);
    return {
      set: { status: input.status, ...(reopening && { rootCause: null, resolved: null, closedAt: null }) },
      entries: [entry(ctx, 'status', { from: doc.status, to: input.status })],
    };
  });
  await announcePendingStatus(ctx, after);
  return after;
}

export async function closeCase(ctx: Ctx, caseId: string, input: z.output<typeof CloseCaseBody>) {
  const { after } = await change(ctx, caseId, (doc) => {
    assertTransition(doc.status, 'closed');
    return {
      set: { status: 'closed', rootCause: input.rootCause, resolved: input.resolved, closedAt: new Date() },
      entries: [
        entry(ctx, 'closed', {
          from: doc.status,
          to: 'closed',
          text: `Root cause: ${input.rootCause}; resolved: ${input.resolved ? 'yes' : 'no'}${input.note ? `. ${input.note}` : ''}`,
        }),
      ],
    };
  });
  await announcePendingStatus(ctx, after);
  return after;
}

/** The due times a case gets at another priority, counted from its opening as before. */
async function dueTimesAt(ctx: Ctx, doc: CaseDoc, priority: CasePriority): Promise<CaseDueTimes> {
  return dueTimesFor(ctx, {
    touchpointId: doc.snapshot.touchpointId ? String(doc.snapshot.touchpointId) : null,
    priority,
    openedAt: doc.createdAt,
    // A case under no policy keeps the span its rule or agent gave it.
    fallbackHours: (doc.dueAt.getTime() - doc.createdAt.getTime()) / 3_600_000,
  });
}

/**
 * The SLA fields for new due times, keeping what already happened. Targets the new times put in
 * the past count as missed now: their moments are not replayed (see scheduleEscalations).
 */
function slaChange(doc: CaseDoc, due: CaseDueTimes, now: Date) {
  const sla = doc.sla;
  const missed = [
    !sla?.firstRespondedAt && due.firstResponseDueAt,
    !DONE.includes(doc.status) && due.resolutionDueAt,
  ].filter((d): d is Date => d instanceof Date && d < now);
  return {
    dueAt: due.resolutionDueAt,
    sla: {
      ...due,
      firstRespondedAt: sla?.firstRespondedAt ?? null,
      breachedAt: sla?.breachedAt ?? (missed.length ? new Date(Math.min(...missed.map(Number))) : null),
    },
  };
}

export async function updateCase(ctx: Ctx, caseId: string, input: z.output<typeof UpdateCaseBody>) {
  if (input.assigneeId) {
    const { members } = await listMembers(ctx);
    if (!members.some((m) => String(m.membership._id) === input.assigneeId)) {
      throw new AppError('validation_failed', 'The assignee is not a member of this organisation', [
        { path: 'body.assigneeId', message: 'must be a member of this organisation' },
      ]);
    }
  }
  if (input.teamId) await assertTeams(ctx, [input.teamId], () => 'body.teamId');
  const due = input.priority ? await dueTimesAt(ctx, await getCase(ctx, caseId), input.priority) : null;
  const { before, after } = await change(ctx, caseId, (doc) => {
    const set: Record<string, unknown> = {};
    const entries: ReturnType<typeof entry>[] = [];
    const team = doc.teamId ? String(doc.teamId) : null;
    if (input.teamId !== undefined && input.teamId !== team) {
      set.teamId = input.teamId;
      entries.push(entry(ctx, 'team', { from: team, to: input.teamId }));
    }
    const was = doc.assigneeId ? String(doc.assigneeId) : null;
    if (input.assigneeId !== undefined && input.assigneeId !== was) {
      set.assigneeId = input.assigneeId;
      entries.push(entry(ctx, 'assignee', { from: was, to: input.assigneeId }));
    }
    if (input.priority && input.priority !== doc.priority) {
      set.priority = input.priority;
      Object.assign(set, slaChange(doc, due!, clock().now()));
      entries.push(entry(ctx, 'priority', { from: doc.priority, to: input.priority }));
    }
    if (input.tags) {
      set.tags = [...new Set(input.tags)];
      entries.push(entry(ctx, 'tags', { from: doc.tags.join(', '), to: input.tags.join(', ') }));
    }
    return { set, entries };
  });
  if (after.priority !== before.priority) await scheduleEscalations(ctx, withSla(after), { fromNow: true });
  return after;
}

const withSla = (doc: CaseDoc) => doc as CaseDoc & { sla: CaseDueTimes };

export interface Escalation {
  /** The firing's id: the timeline gets one entry per firing, however often this runs. */
  ref: string;
  at: Date;
  text: string;
  assigneeId: string | null;
  priority: CasePriority | null;
  breachedAt: Date | null;
}

/** Records an escalation step on the case once, with the reassignment and priority it plans. */
export async function escalateCase(ctx: Ctx, caseId: string, step: Escalation): Promise<CaseDoc> {
  const current = await getCase(ctx, caseId);
  if (current.timeline.some((e) => e.ref === step.ref)) return current;
  const due =
    step.priority && step.priority !== current.priority ? await dueTimesAt(ctx, current, step.priority) : null;
  const { before, after } = await change(ctx, caseId, (doc) => {
    if (doc.timeline.some((e) => e.ref === step.ref)) return { set: {}, entries: [] };
    const set: Record<string, unknown> = {};
    if (step.assigneeId && step.assigneeId !== String(doc.assigneeId)) set.assigneeId = step.assigneeId;
    if (due && step.priority !== doc.priority) {
      set.priority = step.priority;
      Object.assign(set, slaChange(doc, due, clock().now()));
    }
    if (step.breachedAt && !doc.sla?.breachedAt) {
      // One path per write: a new `sla` carries the breach inside it.
      if (set.sla) (set.sla as { breachedAt: Date | null }).breachedAt ??= step.breachedAt;
      else set['sla.breachedAt'] = step.breachedAt;
    }
    const logged = { ...entry(ctx, 'escalation', { text: step.text, to: step.priority }), at: step.at, ref: step.ref };
    return { set, entries: [logged] };
  });
  if (after.priority !== before.priority) await scheduleEscalations(ctx, withSla(after), { fromNow: true });
  return after;
}

/** What a presenter needs to show a case's elapsed time on both clocks. */
export async function caseClock(ctx: Ctx) {
  return { now: clock().now(), calendar: await getCalendar(ctx) };
}

export async function addNote(ctx: Ctx, caseId: string, text: string) {
  return (await change(ctx, caseId, () => ({ set: {}, entries: [entry(ctx, 'note', { text })] }))).after;
}

/**
 * "Reply & resolve": a mail from the organisation's sender that the customer answers to the
 * agent (Reply-To), logged on the case and on the contact's timeline.
 */
export async function replyToCustomer(ctx: Ctx, caseId: string, input: z.output<typeof CaseReplyBody>) {
  const agent = userActor(ctx);
  const doc = await getCase(ctx, caseId);
  if (!doc.snapshot.contactEmail) {
    throw new AppError('validation_failed', 'This customer left no email address', [
      { path: 'params.caseId', message: 'the case has no contact email' },
    ]);
  }
  if (input.resolve) assertTransition(doc.status, 'resolved');
  await sendOrganisationEmail(ctx, replyMail(doc.snapshot.contactEmail, input.subject, input.message, agent.name), {
    kind: 'case.reply',
    relatedId: String(doc._id),
    headers: { 'Reply-To': agent.email },
  });
  const { before, after } = await change(ctx, caseId, (current) => {
    const resolving = input.resolve && current.status !== 'resolved';
    if (resolving) assertTransition(current.status, 'resolved');
    return {
      set: {
        ...(!current.firstReplyAt && { firstReplyAt: clock().now() }),
        ...(current.sla && !current.sla.firstRespondedAt && { 'sla.firstRespondedAt': clock().now() }),
        ...(resolving && { status: 'resolved', resolved: true }),
      },
      entries: [
        entry(ctx, 'reply', { text: `${input.subject}\n\n${input.message}`, to: doc.snapshot.contactEmail }),
        ...(resolving ? [entry(ctx, 'status', { from: current.status, to: 'resolved' })] : []),
      ],
    };
  });
  if (doc.snapshot.contactId) {
    await recordTimeline(ctx, String(doc.snapshot.contactId), {
      kind: 'case',
      summary: `Reply sent by ${agent.name || agent.email}: ${input.subject}`,
      refId: String(doc._id),
      touchpointKey: doc.snapshot.touchpointKey,
    });
  }
  if (before.status !== after.status) await announcePendingStatus(ctx, after);
  return after;
}
