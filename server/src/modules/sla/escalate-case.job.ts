import { CasePriority } from '@pulse/shared/schemas/alerts';
import type { EscalationStep } from '@pulse/shared/schemas/sla';

import { systemContext, type Ctx } from '../../lib/context';
import { derivedId, isDuplicateKey } from '../../lib/derived-id';
import { defineJob } from '../../lib/jobs';
import { settings } from '../../lib/settings';
import { escalateCase, findCase } from '../cases/cases.service';
import { sendOrganisationEmail } from '../mail/mail.service';
import { escalationMail } from './sla.emails';
import { SlaFiringModel, type SlaFiringDoc } from './sla.model';
import { ESCALATE_CASE, type EscalatePayload } from './sla.schedule';
import { escalationPoints, recipientsOf, type CaseDueTimes, type EscalationPoint } from './sla.service';

const firingIdOf = (p: Pick<EscalatePayload, 'caseId' | 'target' | 'percent' | 'dueAt'>) =>
  derivedId('sla-firing', p.caseId, p.target, String(p.percent), p.dueAt);

type CaseDoc = NonNullable<Awaited<ReturnType<typeof findCase>>>;

const raised = (p: string): CasePriority | null => {
  const order = CasePriority.options;
  return order[order.indexOf(p as CasePriority) + 1] ?? null;
};

/** Still running: a first response not yet given, a resolution not yet reached. */
const pending = (c: CaseDoc, p: EscalatePayload) =>
  p.target === 'firstResponse'
    ? !c.sla?.firstRespondedAt && c.status !== 'resolved' && c.status !== 'closed'
    : c.status !== 'resolved' && c.status !== 'closed';

const dueOf = (c: CaseDoc, p: EscalatePayload) =>
  (p.target === 'firstResponse' ? c.sla?.firstResponseDueAt : c.sla?.resolutionDueAt)?.toISOString() ?? null;

/** What the policy's steps at this moment do to this case, fixed once in the firing. */
async function plan(ctx: Ctx, c: CaseDoc, p: EscalatePayload, steps: EscalationStep[]) {
  const reassignTo = steps.findLast((s) => s.reassignTo)?.reassignTo ?? null;
  const priority = steps.some((s) => s.raisePriority) ? raised(c.priority) : null;
  const assignee = reassignTo ?? (c.assigneeId ? String(c.assigneeId) : null);
  const caseTeam = c.teamId ? [String(c.teamId)] : [];
  const teamIds = steps.filter((s) => s.notify.includes('team')).flatMap((s) => (s.teamId ? [s.teamId] : caseTeam));
  const recipients = await recipientsOf(ctx, new Set(steps.flatMap((s) => s.notify)), assignee, [...new Set(teamIds)]);
  return { reassignTo, priority, recipients };
}

const describe = (p: EscalatePayload, f: SlaFiringDoc) => {
  const what = p.target === 'firstResponse' ? 'first response' : 'resolution';
  const done = [
    f.recipients.length ? `notified ${f.recipients.join(', ')}` : null,
    f.reassignTo ? 'reassigned' : null,
    f.priority ? `priority raised to ${f.priority}` : null,
  ].filter(Boolean);
  const head = p.percent === 100 ? `The ${what} target was missed` : `${p.percent}% of the ${what} time has passed`;
  return `${head} (due ${p.dueAt})${done.length ? `: ${done.join('; ')}` : ''}`;
};

/**
 * Steps act in order: a breach step that notifies "the assignee" must see the reassignment of
 * the 75 % step before it. When both are due at once (a worker back after an outage), the later
 * one waits, by failing this attempt, until every earlier moment has fired or its target was met.
 */
async function assertEarlierSettled(ctx: Ctx, c: CaseDoc, p: EscalatePayload, points: EscalationPoint[]) {
  for (const q of points) {
    if (q.fireAt >= new Date(p.fireAt)) continue;
    const payload = { ...p, target: q.target, percent: q.percent, dueAt: q.dueAt.toISOString() };
    if (!pending(c, payload)) continue;
    const _id = firingIdOf(payload);
    const earlier = await SlaFiringModel.findOne({ _id, organisationId: ctx.organisationId }).lean<SlaFiringDoc>();
    if (!earlier?.doneAt) throw new Error(`the ${q.percent}% ${q.target} step of this case has not fired yet`);
  }
}

/**
 * One moment of a case's SLA. Does nothing when the case met the target or was given other due
 * times since it was scheduled (a change of priority supersedes the old jobs). The firing's
 * derived _id is the once-guard: a retry finds it and finishes the same plan, and the case's
 * timeline gets its entry once, however many attempts it takes.
 */
export const EscalateCase = defineJob<EscalatePayload>({
  ...ESCALATE_CASE,
  async run(p, { log }) {
    const ctx = systemContext({ organisationId: p.organisationId, log, name: 'SLA' });
    const c = await findCase(ctx, p.caseId);
    if (!c || dueOf(c, p) !== p.dueAt) return;
    const _id = firingIdOf(p);
    let firing = await SlaFiringModel.findOne({ _id, organisationId: ctx.organisationId }).lean<SlaFiringDoc>();
    if (firing?.doneAt) return;
    if (!firing) {
      if (!pending(c, p)) return;
      const points = await escalationPoints(ctx, c.createdAt, c.sla as CaseDueTimes);
      await assertEarlierSettled(ctx, c, p, points);
      const point = points.find((x) => x.target === p.target && x.percent === p.percent);
      const steps = point?.steps ?? [];
      firing = await SlaFiringModel.create({
        _id,
        organisationId: ctx.organisationId,
        caseId: c._id,
        target: p.target,
        percent: p.percent,
        fireAt: new Date(p.fireAt),
        ...(await plan(ctx, c, p, steps)),
      })
        .then((d) => d.toObject() as SlaFiringDoc)
        .catch(async (err: unknown) => {
          if (!isDuplicateKey(err)) throw err;
          return (await SlaFiringModel.findOne({ _id, organisationId: ctx.organisationId }).lean<SlaFiringDoc>())!;
        });
    }
    const text = describe(p, firing);
    await escalateCase(ctx, p.caseId, {
      ref: String(_id),
      at: firing.fireAt,
      text,
      assigneeId: firing.reassignTo ? String(firing.reassignTo) : null,
      priority: (firing.priority as CasePriority | null) ?? null,
      breachedAt: p.percent === 100 ? new Date(p.dueAt) : null,
    });
    const url = new URL(`/cases/${p.caseId}`, settings().publicUrl).toString();
    for (const to of firing.recipients) {
      await sendOrganisationEmail(ctx, escalationMail(to, { number: c.number, text, url }), {
        kind: 'case.escalation',
        relatedId: p.caseId,
        id: derivedId('sla-mail', String(_id), to),
      });
    }
    await SlaFiringModel.updateOne({ _id, organisationId: ctx.organisationId }, { $set: { doneAt: new Date() } });
  },
});

export const slaJobs = [EscalateCase];
