import mongoose, { Types } from 'mongoose';

import type { Decision, Interaction, SkipReason } from '@pulse/shared/schemas/interactions';

import type { Ctx } from '../../lib/context';
import { settings } from '../../lib/settings';
import { contactsOneByOne, loadContactBatch, newPeople, type ContactAccess } from '../contacts/contacts.batch';
import type { ContactDoc } from '../contacts/contacts.service';
import { getOrganisation } from '../organisations/organisation.service';
import { getSendableSurvey, type SendableSurvey } from '../surveys/surveys.service';
import { rulesOf, type TouchpointDoc } from '../touchpoints/touchpoints.service';
import { SurveyInvitationModel, type SurveyInvitationDoc } from './invitation.model';
import { invitationIdFor, invitationTokenHash } from './invitation-token';
import { presentDecision } from './invitations.presenter';
import { planSendTime } from './send-time';

/** One interaction's outcome, with the invitation document to insert when it is new. */
export interface Planned {
  decision: Decision;
  replayed: boolean;
  doc?: Record<string, unknown>;
  occurredAt: Date;
  touchpointKey: string;
}

// Contacts of one batch are upserted this many at a time; one person's items stay in order.
const PARALLEL = 8;

/**
 * Decides every item of a validated batch. Replays answer what the first call answered. Everyone
 * else is first decided as a new person, and the new contacts inserted in one write (see
 * contacts.batch.ts): a campaign or an import of new people reads no contact at all. The items of
 * people who turn out to be known (their insert collided on a unique key) are decided again
 * against their stored contacts, read in one query; a person who was inserted by another request
 * between that read and this batch's insert is decided one operation at a time.
 */
export async function decideAll(
  ctx: Ctx,
  items: Interaction[],
  touchpoints: Map<string, TouchpointDoc>,
): Promise<Planned[]> {
  const surveys = new Map<string, Promise<SendableSurvey | null>>();
  const surveyOf = (id: string) => {
    if (!surveys.has(id)) surveys.set(id, getSendableSurvey(ctx, id));
    return surveys.get(id)!;
  };
  // The reads a batch needs do not depend on each other: one round trip's wait instead of three.
  const surveyIds = new Set(items.flatMap((item) => rulesOf(touchpoints.get(item.touchpoint)!).surveyId ?? []));
  const [replays, org] = await Promise.all([
    findReplays(ctx, items),
    getOrganisation(ctx),
    ...[...surveyIds].map(surveyOf),
  ]);
  const invitedInBatch = new Set<string>();
  const out: Planned[] = new Array(items.length);
  const deps = (contacts: ContactAccess): DecideDeps => ({ orgZone: org.timeZone, surveyOf, invitedInBatch, contacts });
  const decide = (i: number, access: ContactAccess) =>
    decideOne(ctx, i, items[i]!, touchpoints.get(items[i]!.touchpoint)!, deps(access));

  // Items about the same person run in order (the duplicate and fatigue checks see each other).
  const decideEach = async (indices: number[], access: ContactAccess) => {
    const groups = new Map<string, number[]>();
    for (const i of indices) {
      const { externalId, email } = items[i]!.contact;
      const who = externalId ? `x:${externalId}` : `e:${email}`;
      groups.set(who, [...(groups.get(who) ?? []), i]);
    }
    const queue = [...groups.values()];
    const run = async () => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        for (const i of group) out[i] = await decide(i, access);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, run));
  };
  const collided = (indices: number[], lost: Set<string>) =>
    indices.filter((i) => lost.has(String(out[i]!.doc?.contactId)));

  replays.forEach((doc, i) => (out[i] = replayOf(i, doc, items[i]!)));
  const asNew = newPeople(ctx);
  const undecided = items.flatMap((_, i) => (replays.has(i) ? [] : [i]));
  await decideEach(undecided, asNew);
  let again = collided(undecided, await asNew.flush());
  if (again.length) {
    const known = await loadContactBatch(
      ctx,
      again.map((i) => items[i]!.contact),
    );
    await decideEach(again, known);
    again = collided(again, await known.flush());
  }
  for (const i of again) out[i] = await decide(i, contactsOneByOne(ctx));
  return out;
}

async function findReplays(ctx: Ctx, items: Interaction[]) {
  const ids = new Map<number, Types.ObjectId>();
  items.forEach(
    (item, i) => item.idempotencyKey && ids.set(i, invitationIdFor(ctx.organisationId, item.idempotencyKey)),
  );
  const found = new Map<number, SurveyInvitationDoc>();
  if (!ids.size) return found;
  const docs = await SurveyInvitationModel.find({
    organisationId: ctx.organisationId,
    _id: mongoose.trusted({ $in: [...ids.values()] }),
  }).lean<SurveyInvitationDoc[]>();
  const byId = new Map(docs.map((d) => [String(d._id), d]));
  for (const [i, id] of ids) if (byId.has(String(id))) found.set(i, byId.get(String(id))!);
  return found;
}

const replayOf = (index: number, doc: SurveyInvitationDoc, item: Interaction): Planned => ({
  decision: { ...presentDecision(index, doc), replayed: true },
  replayed: true,
  occurredAt: item.occurredAt ? new Date(item.occurredAt) : doc.createdAt,
  touchpointKey: doc.touchpointKey,
});

interface DecideDeps {
  orgZone: string;
  surveyOf: (id: string) => Promise<SendableSurvey | null>;
  invitedInBatch: Set<string>;
  contacts: ContactAccess;
}

async function decideOne(
  ctx: Ctx,
  index: number,
  item: Interaction,
  touchpoint: TouchpointDoc,
  deps: DecideDeps,
): Promise<Planned> {
  const now = new Date();
  const occurredAt = item.occurredAt ? new Date(item.occurredAt) : now;
  const rules = rulesOf(touchpoint);
  const channel = item.channel ?? rules.channel;
  const contact = await deps.contacts.upsert(item.contact);
  const survey = rules.surveyId ? await deps.surveyOf(rules.surveyId) : null;
  const _id = item.idempotencyKey ? invitationIdFor(ctx.organisationId, item.idempotencyKey) : new Types.ObjectId();

  const reason = await skipReason({ ctx, rules, survey, contact, channel, touchpoint, now, deps });
  const base = {
    _id,
    organisationId: ctx.organisationId,
    touchpointId: touchpoint._id,
    touchpointKey: touchpoint.key,
    surveyId: survey ? survey.id : rules.surveyId,
    surveyVersion: survey?.version ?? null,
    contactId: contact._id,
    channel,
    language: contact.language ?? null,
    createdAt: now,
    updatedAt: now,
  };
  let doc: Record<string, unknown>;
  if (reason) {
    doc = { ...base, state: 'skipped', reason, history: [{ state: 'skipped', at: now }] };
  } else {
    const zone = contact.timeZone ?? deps.orgZone;
    const sendAt =
      channel === 'email'
        ? planSendTime({ now, occurredAt, delayMinutes: rules.delayMinutes, zone, quietHours: rules.quietHours })
        : now;
    const state = channel === 'email' ? 'queued' : 'sent';
    const expiresAt = new Date(sendAt.getTime() + rules.expiryDays * 86_400_000);
    doc = {
      ...base,
      state,
      to: channel === 'email' ? contact.email : null,
      tokenHash: invitationTokenHash(_id, settings().secretKey),
      purpose: 'survey',
      timeZone: zone,
      quietHours: rules.quietHours,
      sendAt,
      sentAt: state === 'sent' ? now : null,
      expiresAt,
      reminders: rules.reminders,
      history: [{ state, at: now }],
    };
  }
  return {
    decision: { ...presentDecision(index, doc as unknown as SurveyInvitationDoc), replayed: false },
    replayed: false,
    doc,
    occurredAt,
    touchpointKey: touchpoint.key,
  };
}

async function skipReason(opts: {
  ctx: Ctx;
  rules: ReturnType<typeof rulesOf>;
  survey: SendableSurvey | null;
  contact: ContactDoc;
  channel: 'email' | 'link';
  touchpoint: TouchpointDoc;
  now: Date;
  deps: DecideDeps;
}): Promise<SkipReason | null> {
  const { rules, survey, contact, channel, deps } = opts;
  if (!rules.surveyId) return 'no_survey';
  if (rules.paused || !survey || survey.status !== 'active') return 'survey_paused';
  if (contact.suppression?.reason) return 'suppressed';
  if (channel === 'email' && !contact.email) return 'no_email';
  const once = `${String(contact._id)}:${String(opts.touchpoint._id)}`;
  if (deps.invitedInBatch.has(once)) return 'duplicate';
  if (Math.random() * 100 >= rules.samplingPercent) return 'sampled_out';
  // Last, because it moves the contact's fatigue clock: only an invitation that is made may.
  if (!(await deps.contacts.claimInvitationSlot(contact, opts.now, rules.fatigueDays))) return 'fatigued';
  deps.invitedInBatch.add(once);
  return null;
}
