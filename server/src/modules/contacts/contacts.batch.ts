import mongoose, { Types } from 'mongoose';

import type { ContactInput } from '@pulse/shared/schemas/contacts';

import type { Ctx } from '../../lib/context';
import { ContactModel, placeholderKey, type ContactDoc } from './contact.model';
import { applySet, changes, claimInvitationSlot, upsertContact } from './contacts.service';

/** How a decision reads and claims contacts: one at a time, or through a batch. */
export interface ContactAccess {
  upsert(input: ContactInput): Promise<ContactDoc>;
  claimInvitationSlot(contact: ContactDoc, now: Date, fatigueDays: number): Promise<boolean>;
}

export interface ContactBatch extends ContactAccess {
  /** Inserts the batch's new people in one write; returns the ids whose unique keys were taken already. */
  flush(): Promise<Set<string>>;
}

const isDuplicateKey = (err: unknown) => (err as { code?: number })?.code === 11000;

/** One contact at a time, each read, insert and claim its own operation (the fallback). */
export const contactsOneByOne = (ctx: Ctx): ContactAccess => ({
  upsert: async (input) => (await upsertContact(ctx, input)).contact,
  claimInvitationSlot: (contact, now, fatigueDays) => claimInvitationSlot(ctx, contact._id, now, fatigueDays),
});

/**
 * The contacts of one ingest batch. On FerretDB/SQLite every read that is not by `_id` decodes
 * the whole collection (~0.1 ms of the database's CPU per contact), so a batch never looks people
 * up one by one. `newPeople` takes everyone for new: it decides them in memory (their fatigue
 * clock too: nobody else can have invited a person not yet stored) and `flush` inserts them in
 * one insertMany after the batch is decided; the unique keys then say who was known already, and
 * only for those the caller reads them (`loadContactBatch`, one query) and decides again. A known
 * person costs an update by `_id` when something changed and a conditional fatigue claim, which
 * must be atomic. `flush` names the contacts whose insert collided.
 */
export const newPeople = (ctx: Ctx): ContactBatch => contactBatch(ctx, []);

/** The batch of the people these inputs name, as stored now (one query). */
export async function loadContactBatch(ctx: Ctx, inputs: ContactInput[]): Promise<ContactBatch> {
  const externalIds = [...new Set(inputs.flatMap((c) => (c.externalId ? [c.externalId] : [])))];
  const emails = [...new Set(inputs.flatMap((c) => (c.email ? [c.email] : [])))];
  const keys = [
    ...(externalIds.length ? [{ externalKey: mongoose.trusted({ $in: externalIds }) }] : []),
    ...(emails.length ? [{ emailKey: mongoose.trusted({ $in: emails }) }] : []),
  ];
  const found = keys.length
    ? await ContactModel.find({ organisationId: ctx.organisationId, $or: keys }).lean<ContactDoc[]>()
    : [];
  return contactBatch(ctx, found);
}

function contactBatch(ctx: Ctx, found: ContactDoc[]): ContactBatch {
  const byExternal = new Map<string, ContactDoc>();
  const byEmail = new Map<string, ContactDoc>();
  const remember = (c: ContactDoc) => {
    byExternal.set(c.externalKey, c);
    byEmail.set(c.emailKey, c);
  };
  found.forEach(remember);
  const fresh = new Map<string, ContactDoc>();
  const oneByOne = contactsOneByOne(ctx);

  return {
    async upsert(input) {
      const byExt = input.externalId ? byExternal.get(input.externalId) : undefined;
      const byMail = input.email ? byEmail.get(input.email) : undefined;
      const target = byExt ?? byMail;
      if (!target) {
        const contact = newContact(ctx, input);
        fresh.set(String(contact._id), contact);
        remember(contact);
        return contact;
      }
      const set = changes(target, input, { emailTaken: Boolean(byMail && byMail !== target) });
      if (!Object.keys(set).length) return target;
      const next = applySet(target, set);
      if (fresh.has(String(target._id))) fresh.set(String(target._id), next);
      else {
        try {
          await ContactModel.updateOne({ _id: target._id, organisationId: ctx.organisationId }, { $set: set });
        } catch (err) {
          // Another request gave this email or external id to someone meanwhile: re-read.
          if (!isDuplicateKey(err)) throw err;
          return oneByOne.upsert(input);
        }
      }
      remember(next);
      return next;
    },

    async claimInvitationSlot(contact, now, fatigueDays) {
      const planned = fresh.get(String(contact._id));
      if (!planned) return oneByOne.claimInvitationSlot(contact, now, fatigueDays);
      const cutoff = now.getTime() - fatigueDays * 86_400_000;
      if (fatigueDays > 0 && planned.lastInvitedAt && planned.lastInvitedAt.getTime() > cutoff) return false;
      const claimed = { ...planned, lastInvitedAt: now };
      fresh.set(String(contact._id), claimed);
      remember(claimed);
      return true;
    },

    async flush() {
      const docs = [...fresh.values()];
      const lost = new Set<string>();
      if (!docs.length) return lost;
      try {
        await ContactModel.insertMany(docs, { ordered: false, lean: true });
      } catch (err) {
        const writeErrors = (err as { writeErrors?: Array<{ index: number; code?: number; err?: { code?: number } }> })
          .writeErrors;
        if (!writeErrors?.length || writeErrors.some((e) => (e.code ?? e.err?.code) !== 11000)) throw err;
        for (const e of writeErrors) lost.add(String(docs[e.index]!._id));
      }
      return lost;
    },
  };
}

function newContact(ctx: Ctx, input: ContactInput): ContactDoc {
  const _id = new Types.ObjectId();
  const now = new Date();
  return {
    _id,
    organisationId: new Types.ObjectId(ctx.organisationId),
    externalId: input.externalId ?? null,
    email: input.email ?? null,
    externalKey: input.externalId ?? placeholderKey(_id),
    emailKey: input.email ?? placeholderKey(_id),
    name: input.name ?? null,
    language: input.language ?? null,
    timeZone: input.timeZone ?? null,
    attributes: input.attributes ?? {},
    suppression: null,
    lastInvitedAt: null,
    erasedAt: null,
    createdAt: now,
    updatedAt: now,
  } as unknown as ContactDoc;
}
