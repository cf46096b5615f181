import mongoose, { Types } from 'mongoose';

import type { ContactInput } from '@pulse/shared/schemas/contacts';

import type { Ctx } from '../../lib/context';
import { derivedId } from '../../lib/derived-id';
import { emit } from '../../lib/events/events';
import { AppError, notFound } from '../../lib/errors';
import { withLease } from '../../lib/lease';
import { findOwnedById } from '../../lib/tenant';
import { audit } from '../audit/audit.service';
import { attributeTypes, checkAttributeTypes, coerceAttribute } from './contact-attributes';
import { ContactModel, placeholderKey, type ContactDoc } from './contact.model';
import { TimelineEntryModel } from './timeline-entry.model';
import { recordTimeline, recordTimelineMany, timelineOf, type TimelineInput } from './timeline';

export type { ContactDoc, TimelineInput };
export { attributeTypes, checkAttributeTypes, recordTimeline, recordTimelineMany, timelineOf };

const isDuplicateKey = (err: unknown) => (err as { code?: number })?.code === 11000;
const UPSERT_ATTEMPTS = 6;

/**
 * One contact per person: finds by external id or email, updates what is new, or inserts. Two
 * requests racing to insert the same person collide on a unique index; the loser retries and
 * finds the winner's document. When the external id and the email name two different contacts,
 * the external id wins and the email stays with its owner.
 */
export async function upsertContact(ctx: Ctx, input: ContactInput): Promise<{ contact: ContactDoc; created: boolean }> {
  for (let attempt = 0; attempt < UPSERT_ATTEMPTS; attempt++) {
    const keys = [
      ...(input.externalId ? [{ externalKey: input.externalId }] : []),
      ...(input.email ? [{ emailKey: input.email }] : []),
    ];
    const found = await ContactModel.find({ organisationId: ctx.organisationId, $or: keys }).lean<ContactDoc[]>();
    const byExternal = found.find((c) => input.externalId && c.externalKey === input.externalId);
    const byEmail = found.find((c) => input.email && c.emailKey === input.email);
    const target = byExternal ?? byEmail;
    try {
      if (!target) return { contact: await insertContact(ctx, input), created: true };
      const set = changes(target, input, { emailTaken: Boolean(byEmail && byEmail !== target) });
      if (!Object.keys(set).length) return { contact: target, created: false };
      await ContactModel.updateOne({ _id: target._id, organisationId: ctx.organisationId }, { $set: set });
      return { contact: applySet(target, set), created: false };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }
  throw new AppError('conflict', 'This contact is being changed by another request; try again');
}

async function insertContact(ctx: Ctx, input: ContactInput): Promise<ContactDoc> {
  const _id = new Types.ObjectId();
  const doc = await ContactModel.create({
    _id,
    organisationId: ctx.organisationId,
    externalId: input.externalId ?? null,
    email: input.email ?? null,
    externalKey: input.externalId ?? placeholderKey(_id),
    emailKey: input.email ?? placeholderKey(_id),
    name: input.name ?? null,
    language: input.language ?? null,
    timeZone: input.timeZone ?? null,
    attributes: input.attributes ?? {},
  });
  return doc.toObject() as ContactDoc;
}

/** Only what differs, so re-sending a known contact costs a read and no write. */
export function changes(c: ContactDoc, input: ContactInput, opts: { emailTaken: boolean }): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  if (input.externalId && !c.externalId)
    Object.assign(set, { externalId: input.externalId, externalKey: input.externalId });
  if (input.email && input.email !== c.email && !opts.emailTaken)
    Object.assign(set, { email: input.email, emailKey: input.email });
  for (const field of ['name', 'language', 'timeZone'] as const) {
    if (input[field] !== undefined && input[field] !== c[field]) set[field] = input[field];
  }
  for (const [key, value] of Object.entries(input.attributes ?? {})) {
    if (c.attributes?.[key] !== value) set[`attributes.${key}`] = value;
  }
  return set;
}

export function applySet(c: ContactDoc, set: Record<string, unknown>): ContactDoc {
  const next = { ...c, attributes: { ...c.attributes } } as ContactDoc;
  for (const [path, value] of Object.entries(set)) {
    if (path.startsWith('attributes.')) next.attributes[path.slice(11)] = value;
    else (next as Record<string, unknown>)[path] = value;
  }
  return next;
}

/**
 * Fatigue across every survey: the contact's `lastInvitedAt` moves only if it is older than the
 * window, so two interactions racing for one person make one invitation. One claimant per contact
 * at a time holds a Redis lease and reads and writes the contact by `_id` alone: FerretDB applies a
 * filtered update as a read-modify-write without isolation (two racers could both match) and scans
 * the collection for any filter beyond `{ _id }` (20 returning people cost 3.6 s at 2,500 contacts).
 */
export async function claimInvitationSlot(ctx: Ctx, contactId: Types.ObjectId, now: Date, fatigueDays: number) {
  return withLease(`lease:fatigue:${String(contactId)}`, async () => {
    const contact = await findOwnedById<ContactDoc>(ContactModel as never, ctx.organisationId, contactId);
    if (!contact) return false;
    const cutoff = now.getTime() - fatigueDays * 86_400_000;
    if (fatigueDays > 0 && contact.lastInvitedAt && contact.lastInvitedAt.getTime() > cutoff) return false;
    await ContactModel.updateOne({ _id: contactId }, { $set: { lastInvitedAt: now } }).setOptions({
      crossTenant: true,
    });
    return true;
  });
}

export async function getContact(ctx: Ctx, contactId: string): Promise<ContactDoc> {
  // By _id alone (a point read on the dev database), checked against the organisation.
  const contact = await findOwnedById<ContactDoc>(ContactModel as never, ctx.organisationId, contactId);
  if (!contact) throw notFound('Contact');
  return contact;
}

/**
 * Unsubscribed, bounced or complained: later sends are skipped as `suppressed`. An unsubscribe is
 * announced (`contact.unsubscribed`, e.g. to webhooks) with an id derived from the contact and
 * the moment, so announcing it again is the same event.
 */
export async function suppressContact(
  ctx: Ctx,
  contactId: string,
  reason: 'unsubscribed' | 'bounced' | 'complained',
  detail: string | null,
): Promise<boolean> {
  const at = new Date();
  const result = await ContactModel.updateOne(
    { _id: contactId, organisationId: ctx.organisationId, suppression: null },
    { $set: { suppression: { reason, at, detail } } },
  );
  if (result.modifiedCount) {
    await recordTimeline(ctx, contactId, {
      kind: 'contact',
      summary: `Suppressed: ${reason}${detail ? ` (${detail})` : ''}`,
    });
    if (reason === 'unsubscribed')
      await emit(
        ctx,
        'contact.unsubscribed',
        { target: contactId, contactId, at: at.toISOString(), via: detail },
        { eventId: derivedId('contact.unsubscribed', contactId, at.toISOString()) },
      );
  }
  return result.modifiedCount === 1;
}

export interface ContactsFilter {
  q?: string;
  suppressed?: 'true' | 'false';
  cursor?: string;
  limit: number;
  /** `attr.<key>` → value, compared with the attribute's own type. */
  attributes: Record<string, string>;
}

export async function listContacts(ctx: Ctx, f: ContactsFilter) {
  const filter: Record<string, unknown> = { organisationId: ctx.organisationId, erasedAt: null };
  if (f.q) {
    const pattern = mongoose.trusted({ $regex: f.q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' });
    filter.$or = [{ email: pattern }, { name: pattern }, { externalId: pattern }];
  }
  if (f.suppressed) filter.suppression = f.suppressed === 'true' ? mongoose.trusted({ $ne: null }) : null;
  if (f.cursor) filter._id = mongoose.trusted({ $lt: new Types.ObjectId(f.cursor) });
  const types = Object.keys(f.attributes).length ? await attributeTypes(ctx) : new Map();
  for (const [key, raw] of Object.entries(f.attributes))
    filter[`attributes.${key}`] = coerceAttribute(types.get(key), raw);
  const rows = await ContactModel.find(filter)
    .sort({ _id: -1 })
    .limit(f.limit + 1)
    .setOptions({ strictQuery: false })
    .lean<ContactDoc[]>();
  const page = rows.slice(0, f.limit);
  return { contacts: page, nextCursor: rows.length > f.limit ? String(page.at(-1)!._id) : null };
}

/**
 * GDPR erasure: every personal field goes, the document stays as an anonymous id so counts and
 * scores already aggregated keep adding up. `onErase` lets the owners of other records (the
 * invitations' recipient addresses) forget this person too.
 */
export async function eraseContact(ctx: Ctx, contactId: string, onErase: Array<(id: string) => Promise<void>> = []) {
  const contact = await getContact(ctx, contactId);
  if (contact.erasedAt) return;
  await ContactModel.updateOne(
    { _id: contact._id, organisationId: ctx.organisationId },
    {
      $set: {
        externalId: null,
        email: null,
        externalKey: placeholderKey(contact._id),
        emailKey: placeholderKey(contact._id),
        name: null,
        attributes: {},
        timeZone: null,
        erasedAt: new Date(),
      },
    },
  );
  for (const erase of onErase) await erase(contactId);
  await TimelineEntryModel.deleteMany({ organisationId: ctx.organisationId, contactId: contact._id });
  await recordTimeline(ctx, contactId, { kind: 'contact', summary: 'Personal data erased on request' });
  await audit(ctx, 'contact.erased', `contact ${contactId}`);
}
