import { z } from 'zod';

import { Email, Id, singleLine } from './common';

/** IANA time zone names this runtime knows, e.g. Europe/Paris. */
export const TimeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Paris');

/** BCP 47 language tag, e.g. en, fr, pt-BR. */
export const Language = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language tag such as en or pt-BR');

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  timeZone: TimeZone,
  defaultLanguage: Language,
  senderName: z.string(),
  senderEmail: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** Equal to createdAt until the settings are first saved. */
  updatedAt: z.iso.datetime(),
});
export type Organisation = z.infer<typeof Organisation>;

export const UpdateOrganisationBody = z
  .strictObject({
    name: singleLine(100),
    timeZone: TimeZone,
    defaultLanguage: Language,
    senderName: singleLine(100),
    senderEmail: Email.nullable(),
  })
  .partial();
export type UpdateOrganisationBody = z.infer<typeof UpdateOrganisationBody>;
