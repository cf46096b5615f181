import { addDaysToKey, localDay, localDayStart } from '@pulse/shared/metrics/time-buckets';
import type { ClosedLoopQuery, ClosedLoopResponse, LoopFigures } from '@pulse/shared/schemas/closed-loop';

import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { reportingZone } from '../analytics/rollups.service';
import { casesByIds, type CaseFacts } from '../cases/cases.read';
import { caseIdOf } from '../cases/cases.service';
import { lowBandAnswers, nextAnswers, type FollowupFacts } from '../responses/responses.followups';
import { durationOf, METHODS, recoveryOf, shareOf, type Followed } from './closed-loop.figures';

const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;
const DONE = new Set(['resolved', 'closed']);

/** A detractor answer of the period and the case opened on it, if any. */
interface Row {
  answer: FollowupFacts;
  case: CaseFacts | null;
}

/**
 * "Did it work?" for one metric over a period of local days. Reads: the period's low-band answers
 * (one query), their cases by derived `_id`, and the later answers of those contacts (one query
 * per 500 contacts). Nothing else of the organisation's responses is read.
 */
export async function closedLoopReport(ctx: Ctx, query: ClosedLoopQuery): Promise<ClosedLoopResponse> {
  const timeZone = await reportingZone(ctx);
  const to = query.to ?? localDay(new Date(), timeZone);
  const from = query.from ?? addDaysToKey(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw invalid('query.from', 'must not be after `to`');
  if (addDaysToKey(from, MAX_DAYS) <= to) throw invalid('query.from', `the range may span at most ${MAX_DAYS} days`);

  const answers = await lowBandAnswers(ctx, {
    kind: query.kind,
    from: localDayStart(from, timeZone),
    to: localDayStart(addDaysToKey(to, 1), timeZone),
    touchpointId: query.touchpointId,
  });
  const cases = new Map(
    (
      await casesByIds(
        ctx,
        answers.map((a) => caseIdOf(String(a._id))),
      )
    ).map((c) => [String(c.responseId), c]),
  );
  const rows: Row[] = answers.map((answer) => ({ answer, case: cases.get(String(answer._id)) ?? null }));
  const followed = await follow(ctx, query, rows);

  const byTouchpoint = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row.answer.touchpointId ? String(row.answer.touchpointId) : '-';
    byTouchpoint.set(key, [...(byTouchpoint.get(key) ?? []), row]);
  }
  const now = new Date();
  return {
    kind: query.kind,
    timeZone,
    period: { from, to },
    methods: METHODS,
    overall: figuresOf(rows, followed, now),
    touchpoints: [...byTouchpoint]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([touchpointId, group]) => ({ touchpointId, ...figuresOf(group, followed, now) })),
  };
}

/**
 * Recovery groups, one entry per contact: "closed loop" when one of its detractor answers of the
 * period has a closed case (followed from the earliest such close), "no case" when none of them
 * has a case at all (followed from its first detractor answer). A contact whose case is still
 * open belongs to neither. `better` = its next answer of the metric is out of the lowest band.
 */
async function follow(ctx: Ctx, query: ClosedLoopQuery, rows: Row[]) {
  const byContact = new Map<string, Row[]>();
  for (const row of rows) {
    if (!row.answer.contactId) continue;
    const key = String(row.answer.contactId);
    byContact.set(key, [...(byContact.get(key) ?? []), row]);
  }
  const groups = new Map<string, { group: 'closedLoop' | 'noCase'; since: Date; lowBand: string }>();
  for (const [contact, own] of byContact) {
    const closes = own.filter((r) => r.case?.status === 'closed' && r.case.closedAt).map((r) => r.case!.closedAt!);
    if (closes.length > 0) {
      const since = new Date(Math.min(...closes.map((d) => d.getTime())));
      groups.set(contact, { group: 'closedLoop', since, lowBand: own[0]!.answer.band });
    } else if (own.every((r) => !r.case)) {
      const since = new Date(Math.min(...own.map((r) => r.answer.answeredAt.getTime())));
      groups.set(contact, { group: 'noCase', since, lowBand: own[0]!.answer.band });
    }
  }
  const next = await nextAnswers(ctx, query.kind, new Map([...groups].map(([c, g]) => [c, g.since])));
  const outcome = new Map<string, { group: 'closedLoop' | 'noCase'; followed: Followed }>();
  for (const [contact, g] of groups) {
    const later = next.get(contact);
    outcome.set(contact, {
      group: g.group,
      followed: { answeredAgain: !!later, better: !!later && later.band !== g.lowBand },
    });
  }
  return outcome;
}

function figuresOf(rows: Row[], followed: Awaited<ReturnType<typeof follow>>, now: Date): LoopFigures {
  const withCase = rows.filter((r) => r.case).map((r) => r.case!);
  const opened = (c: CaseFacts) => c.createdAt.getTime();
  const firstResponse = withCase
    .map((c) => c.firstReplyAt ?? c.sla?.firstRespondedAt ?? null)
    .map((at, i) => (at ? at.getTime() - opened(withCase[i]!) : null))
    .filter((ms): ms is number => ms !== null);
  const closed = withCase.filter((c) => c.status === 'closed' && c.closedAt);
  // Each contact counts once even when it had several detractor answers in this group.
  const contacts = new Set(rows.filter((r) => r.answer.contactId).map((r) => String(r.answer.contactId)));
  const side = (group: 'closedLoop' | 'noCase') =>
    [...contacts]
      .map((c) => followed.get(c))
      .filter((o) => o?.group === group)
      .map((o) => o!.followed);
  return {
    detractors: rows.length,
    withCase: shareOf(withCase.length, rows.length),
    firstResponse: durationOf(firstResponse),
    close: durationOf(closed.map((c) => c.closedAt!.getTime() - opened(c))),
    withinSla: withinSla(withCase, now),
    reopened: reopened(withCase),
    recovery: recoveryOf(side('closedLoop'), side('noCase')),
  };
}

/** When a case first reached resolved or closed, from its own timeline. */
const resolvedAt = (c: CaseFacts) => c.timeline.find((e) => e.to && DONE.has(e.to) && e.kind !== 'created')?.at ?? null;

/**
 * Resolved (or closed) at or before `sla.resolutionDueAt`, over the cases that have a due time
 * and are decided: resolved, or still open past it. An open case not yet due is not counted.
 */
function withinSla(cases: CaseFacts[], now: Date) {
  const decided = cases
    .filter((c) => c.sla?.resolutionDueAt)
    .map((c) => ({ due: c.sla!.resolutionDueAt!, done: resolvedAt(c) }))
    .filter((c) => c.done || c.due < now);
  return shareOf(decided.filter((c) => c.done && c.done <= c.due).length, decided.length);
}

/** Of the cases that were resolved or closed at least once, those moved back to open. */
function reopened(cases: CaseFacts[]) {
  const finished = cases.filter((c) => resolvedAt(c));
  const back = finished.filter((c) => c.timeline.some((e) => e.from && DONE.has(e.from) && e.to && !DONE.has(e.to)));
  return shareOf(back.length, finished.length);
}

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', 'The request is not valid', [{ path, message }]);
