import mongoose, { Types } from 'mongoose';

import type { Ctx } from '../../lib/context';
import { boundJobs } from '../../lib/jobs';
import { SurveyInvitationModel, type SurveyInvitationDoc } from './invitation.model';
import type { Planned } from './invitations.decide';
import { presentDecision } from './invitations.presenter';
import { SendInvitation, sendJobId } from './send-invitation.job';

const objectId = (id: unknown) => (id == null || id instanceof Types.ObjectId ? id : new Types.ObjectId(String(id)));

/**
 * A decision's invitation as stored, built by hand: mongoose casting and validating each document
 * was 95 % of a 500-item batch's CPU (4 s of 4.2 s, profiled), and the decision code already makes
 * every field in its stored type. Only the fields a decision sets are written: the null and zero
 * defaults of the ~20 fields a later state sets read the same when absent (hydrated reads apply
 * the schema defaults, lean readers and filters treat a missing field as null), and they doubled
 * FerretDB's CPU per insert. `remindersSent` stays, because a reminder claims by its exact value.
 */
function stored(doc: Record<string, unknown>) {
  const quiet = doc.quietHours as { start?: string; end?: string } | null | undefined;
  const reminders = doc.reminders as { count?: number; spacingHours?: number } | null | undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (value != null) out[key] = value;
  out.organisationId = objectId(doc.organisationId);
  out.touchpointId = objectId(doc.touchpointId);
  out.contactId = objectId(doc.contactId);
  if (doc.surveyId != null) out.surveyId = objectId(doc.surveyId);
  if (quiet) out.quietHours = { start: quiet.start, end: quiet.end };
  if (doc.state !== 'skipped') {
    out.reminders = { count: reminders?.count ?? 0, spacingHours: reminders?.spacingHours ?? 72 };
    out.remindersSent = 0;
  }
  return out;
}

/**
 * One insert for the batch's decisions. An idempotency key that raced another request loses on
 * the _id and answers as a replay of the winner.
 */
export async function storeDecisions(ctx: Ctx, planned: Planned[]): Promise<Planned[]> {
  if (!planned.length) return [];
  const failed = new Set<number>();
  try {
    await SurveyInvitationModel.insertMany(
      planned.map((p) => stored(p.doc!)),
      { ordered: false, lean: true },
    );
  } catch (err) {
    const writeErrors = (err as { writeErrors?: Array<{ index: number; code?: number; err?: { code?: number } }> })
      .writeErrors;
    if (!writeErrors?.length || writeErrors.some((e) => (e.code ?? e.err?.code) !== 11000)) throw err;
    for (const e of writeErrors) failed.add(e.index);
  }
  if (!failed.size) return planned;
  const ids = [...failed].map((i) => planned[i]!.doc!._id as Types.ObjectId);
  const winners = await SurveyInvitationModel.find({
    organisationId: ctx.organisationId,
    _id: mongoose.trusted({ $in: ids }),
  }).lean<SurveyInvitationDoc[]>();
  const byId = new Map(winners.map((w) => [String(w._id), w]));
  return planned.map((p, i) => {
    const winner = failed.has(i) ? byId.get(String(p.doc!._id)) : undefined;
    return winner
      ? { ...p, replayed: true, decision: { ...presentDecision(p.decision.index, winner), replayed: true } }
      : p;
  });
}

/**
 * Queues the email sends of fresh decisions, delayed to their send time, in one round trip.
 * Should Redis fail here, the invitations are stored `queued` already and the sweep sends them:
 * what was decided is not lost.
 */
export async function queueInvitations(ctx: Ctx, planned: Planned[]): Promise<void> {
  const now = Date.now();
  const sends = planned.filter((p) => !p.replayed && p.doc?.state === 'queued');
  if (!sends.length) return;
  try {
    await boundJobs().enqueueMany(
      SendInvitation,
      sends.map((p) => ({
        payload: {
          organisationId: ctx.organisationId,
          invitationId: p.decision.invitationId,
          contactId: String(p.doc!.contactId),
        },
        jobId: sendJobId(p.decision.invitationId),
        delayMs: Math.max(0, (p.doc!.sendAt as Date).getTime() - now),
      })),
    );
  } catch (err) {
    ctx.log.warn({ err, count: sends.length }, 'could not queue invitations; the sweep will');
  }
}
