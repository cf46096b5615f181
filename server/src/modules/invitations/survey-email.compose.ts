import { directionOf, localise } from '@pulse/shared/surveys/texts';

import { settings } from '../../lib/settings';
import type { ContactDoc } from '../contacts/contacts.service';
import type { SendableSurvey } from '../surveys/surveys.service';
import { invitationToken } from './invitation-token';
import { renderSurveyEmail, type RenderedEmail } from './survey-email';

export interface Sender {
  name: string;
  senderName: string;
  senderEmail?: string | null;
}

type Recipient = Pick<ContactDoc, 'name' | 'email' | 'language' | 'attributes'>;

/** Placeholder values: {{company}}, {{contact.firstName}}, {{contact.<attribute>}}. */
function valuesOf(org: Sender, contact: Recipient | null) {
  const values: Record<string, string | null> = { company: org.name };
  if (!contact) return values;
  values['contact.name'] = contact.name ?? null;
  values['contact.firstName'] = contact.name?.split(/\s+/)[0] ?? null;
  values['contact.email'] = contact.email ?? null;
  for (const [key, value] of Object.entries(contact.attributes ?? {})) values[`contact.${key}`] = String(value);
  return values;
}

const addressOf = (mailbox: string) => /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox;

/** `"Acme" <surveys@acme.example>`, quotes and brackets removed from the display name. */
export function fromOf(org: Sender, survey: SendableSurvey): string {
  const name = (survey.definition.email.senderName ?? org.senderName ?? org.name).replace(/["\\<>\r\n]/g, '');
  return `"${name}" <${org.senderEmail ?? addressOf(settings().mailFrom)}>`;
}

/**
 * The survey email for one invitation (or a preview with placeholder links when `invitationId`
 * is null): the survey's first question as score buttons, in the contact's language.
 */
export async function composeSurveyEmail(opts: {
  survey: SendableSurvey;
  org: Sender;
  contact: Recipient | null;
  invitationId: string | null;
  language?: string | null;
  reminder?: boolean;
}): Promise<RenderedEmail & { headers: Record<string, string>; unsubscribeUrl: string }> {
  const { publicUrl, secretKey } = settings();
  const token = opts.invitationId ? invitationToken(opts.invitationId, secretKey) : 'preview';
  const local = localise(opts.survey.definition, opts.language ?? opts.contact?.language);
  const links = {
    survey: `${publicUrl}/r/${token}`,
    unsubscribe: `${publicUrl}/u/${token}`,
    pixel: `${publicUrl}/o/${token}.gif`,
  };
  const rendered = await renderSurveyEmail({
    survey: local,
    organisationName: opts.org.name,
    values: valuesOf(opts.org, opts.contact),
    links,
    rtl: directionOf(local.language) === 'rtl',
    reminder: opts.reminder ?? false,
  });
  return {
    ...rendered,
    unsubscribeUrl: links.unsubscribe,
    // RFC 8058: mail clients offer one-click unsubscribe and POST to the URL without a visit.
    headers: {
      'List-Unsubscribe': `<${links.unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
