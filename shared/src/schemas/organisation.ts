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

/**
 * A site allowed to show the website widget: scheme, host and port only (what a browser sends
 * as Origin). https, or http for localhost while a site is developed.
 */
export const SiteOrigin = z
  .string()
  .trim()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
      return url.origin === value && (url.protocol === 'https:' || (url.protocol === 'http:' && local));
    } catch {
      return false;
    }
  }, 'must be a site origin such as https://shop.example.com (https, no path or trailing slash)');

export const WidgetOrigins = z
  .array(SiteOrigin)
  .max(20, 'at most 20 sites')
  .refine((list) => new Set(list).size === list.length, 'lists a site twice');

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  timeZone: TimeZone,
  defaultLanguage: Language,
  senderName: z.string(),
  senderEmail: z.string().nullable(),
  /** Sites whose pages may show the website widget. */
  widgetOrigins: z.array(z.string()),
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
    widgetOrigins: WidgetOrigins,
  })
  .partial();
export type UpdateOrganisationBody = z.infer<typeof UpdateOrganisationBody>;
