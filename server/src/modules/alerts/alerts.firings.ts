import mongoose, { Types } from 'mongoose';

import { Email } from '@pulse/shared/schemas/common';

import type { Ctx } from '../../lib/context';
import { settings } from '../../lib/settings';
import { getContact } from '../contacts/contacts.service';
import { findResponse } from '../responses/responses.service';
import { AlertFiringModel, type AlertFiringDoc } from './alert-firing.model';
import type { AlertRuleDoc } from './alert-rule.model';
import type { AlertFacts, NoAnswerFacts } from './alerts.emails';

export type FiringChannel = 'attributeEmail' | 'chat' | 'digest';
export type Outcome = { state: string; detail: string | null };

export const NO_ADDRESS = 'skipped: no address';

export const findFiring = (ctx: Pick<Ctx, 'organisationId'>, firingId: string) =>
  AlertFiringModel.findOne({ _id: firingId, organisationId: ctx.organisationId }).lean<AlertFiringDoc>();

/** Records what became of one channel of a firing. */
export const recordOutcome = (
  ctx: Pick<Ctx, 'organisationId'>,
  firingId: string,
  channel: FiringChannel,
  outcome: Outcome,
) =>
  AlertFiringModel.updateOne({ _id: firingId, organisationId: ctx.organisationId }, { $set: { [channel]: outcome } });

const contactOf = (ctx: Ctx, contactId: unknown) =>
  contactId ? getContact(ctx, String(contactId)).catch(() => null) : Promise.resolve(null);

export type Described =
  | { kind: 'response'; facts: AlertFacts; contactId: string | null; attributes: Record<string, unknown> }
  | { kind: 'no_answer'; facts: NoAnswerFacts; contactId: string | null; attributes: Record<string, unknown> };

/**
 * What a firing is about, as mail, chat and digests tell it. The contact's attributes are read
 * now, not as they were when the customer answered: the account manager may have changed since.
 */
export async function describeFiring(
  ctx: Ctx,
  firing: AlertFiringDoc,
  rule: AlertRuleDoc,
  caseId = firing.caseId ? String(firing.caseId) : null,
): Promise<Described | null> {
  const base = settings().publicUrl;
  if (firing.kind === 'no_answer') {
    const contact = await contactOf(ctx, firing.contactId);
    return {
      kind: 'no_answer',
      contactId: firing.contactId ? String(firing.contactId) : null,
      attributes: (contact?.attributes ?? {}) as Record<string, unknown>,
      facts: {
        ruleName: rule.name,
        days: rule.noAnswerDays ?? 0,
        contact: contact?.email ?? contact?.externalId ?? 'a contact',
        touchpoint: firing.touchpointKey ?? 'a touchpoint',
        sentAt: firing.invitedAt ?? firing.at,
        url: new URL(firing.contactId ? `/contacts/${String(firing.contactId)}` : '/contacts', base).toString(),
      },
    };
  }
  const response = firing.responseId ? await findResponse(ctx, String(firing.responseId)) : null;
  if (!response) return null;
  const contact = await contactOf(ctx, response.contactId);
  return {
    kind: 'response',
    contactId: response.contactId ? String(response.contactId) : null,
    attributes: (contact?.attributes ?? response.contactAttributes ?? {}) as Record<string, unknown>,
    facts: {
      ruleName: rule.name,
      score: response.score,
      band: response.band,
      comment: response.comment ?? null,
      touchpoint: response.touchpointKey ?? null,
      url: new URL(caseId ? `/cases/${caseId}` : '/cases', base).toString(),
    },
  };
}

/** The address a rule's contact attribute gives for this firing, or null when it is not one. */
export function attributeAddress(rule: AlertRuleDoc, attributes: Record<string, unknown>): string | null {
  const key = rule.channels?.attributeEmail;
  if (!key) return null;
  const parsed = Email.safeParse(attributes[key]);
  return parsed.success ? parsed.data : null;
}

export interface FiringsPage {
  cursor?: string;
  limit: number;
}

/**
 * A rule's firings, newest first, a page at a time. Firing ids derive from (rule, response) and
 * are not time-ordered: pages go by firing time, then id, as the cursor says.
 */
export async function listFirings(ctx: Ctx, ruleId: string, page: FiringsPage) {
  const filter: Record<string, unknown> = { organisationId: ctx.organisationId, ruleId };
  if (page.cursor) {
    const [ms, id] = page.cursor.split('_') as [string, string];
    const at = new Date(Number(ms));
    filter.$or = [
      { at: mongoose.trusted({ $lt: at }) },
      { at, _id: mongoose.trusted({ $lt: new Types.ObjectId(id) }) },
    ];
  }
  const rows = await AlertFiringModel.find(filter)
    .sort({ at: -1, _id: -1 })
    .limit(page.limit + 1)
    .lean<AlertFiringDoc[]>();
  const firings = rows.slice(0, page.limit);
  const last = firings.at(-1);
  return {
    firings,
    nextCursor: rows.length > page.limit && last ? `${last.at.getTime()}_${String(last._id)}` : null,
  };
}
