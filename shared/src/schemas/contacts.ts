import { z } from 'zod';

import { Email, Id, IsoDate, PersonName } from './common';
import { TimeZone } from './touchpoints';

/** Attribute values are scalars; each attribute keeps the type it was first seen with. */
export const AttributeValue = z.union([z.string().max(500), z.number().finite(), z.boolean()]);
export type AttributeValue = z.infer<typeof AttributeValue>;
export const AttributeKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'must be a letter then up to 39 letters, digits or _');
export const Attributes = z
  .record(AttributeKey, AttributeValue)
  .refine((a) => Object.keys(a).length <= 50, 'at most 50 attributes');
export type Attributes = z.infer<typeof Attributes>;

export const Language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z][A-Za-z]{1,3})?$/, 'must be a language tag such as en or pt-BR');

/** Who an interaction is about: an external id (the caller's customer id), an email, or both. */
export const ContactInput = z
  .strictObject({
    externalId: z.string().trim().min(1).max(200).optional(),
    email: Email.optional(),
    name: PersonName.optional(),
    language: Language.optional(),
    timeZone: TimeZone.optional(),
    attributes: Attributes.optional(),
  })
  .refine((c) => c.externalId !== undefined || c.email !== undefined, {
    message: 'needs an externalId or an email',
    path: ['externalId'],
  });
export type ContactInput = z.infer<typeof ContactInput>;

export const SuppressionReason = z.enum(['unsubscribed', 'bounced', 'complained']);
export const Suppression = z.object({ reason: SuppressionReason, at: IsoDate, detail: z.string().nullable() });

export const Contact = z.object({
  id: Id,
  externalId: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  language: z.string().nullable(),
  timeZone: z.string().nullable(),
  attributes: z.record(z.string(), AttributeValue),
  suppression: Suppression.nullable(),
  lastInvitedAt: IsoDate.nullable(),
  erasedAt: IsoDate.nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Contact = z.infer<typeof Contact>;

export const TimelineKind = z.enum(['interaction', 'invitation', 'response', 'case', 'contact']);
export const TimelineEntry = z.object({
  id: Id,
  at: IsoDate,
  kind: TimelineKind,
  /** One line a person reads: "Invitation sent", "Skipped: fatigued". */
  summary: z.string(),
  touchpointKey: z.string().nullable(),
  channel: z.string().nullable(),
  refId: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const ContactParams = z.strictObject({ contactId: Id });
export const ContactResponse = z.object({ contact: Contact, timeline: z.array(TimelineEntry) });

/** `attr.plan=pro` filters by attribute; several combine with AND. */
export const ContactsQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    suppressed: z.enum(['true', 'false']).optional(),
    cursor: Id.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .catchall(z.string().max(200));
export const ContactsResponse = z.object({ contacts: z.array(Contact), nextCursor: Id.nullable() });

export const UpsertContactBody = ContactInput;

export const AttributeType = z.enum(['string', 'number', 'boolean']);
export type AttributeType = z.infer<typeof AttributeType>;
/** The organisation's contact attributes with the type each was first seen with, by key. */
export const ContactAttributesResponse = z.object({
  attributes: z.array(z.object({ key: z.string(), type: AttributeType })),
});
export type ContactAttributesResponse = z.infer<typeof ContactAttributesResponse>;
