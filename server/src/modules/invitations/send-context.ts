import type { Ctx } from '../../lib/context';
import { getContact } from '../contacts/contacts.service';
import { getOrganisation } from '../organisations/organisation.service';
import { getSendableSurvey, type SendableSurvey } from '../surveys/surveys.service';
import type { Sender } from './survey-email.compose';

// A campaign sends thousands of mails of one survey from one organisation: read each once a while.
const TTL_MS = 30_000;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = load();
  value.catch(() => cache.delete(key));
  if (cache.size > 1_000) cache.clear();
  cache.set(key, { at: Date.now(), value });
  return value;
}

export const senderOf = (ctx: Ctx): Promise<Sender> =>
  cached(`org:${ctx.organisationId}`, async () => {
    const org = await getOrganisation(ctx);
    return { name: org.name, senderName: org.senderName, senderEmail: org.senderEmail };
  });

export const surveyFor = (ctx: Ctx, surveyId: string): Promise<SendableSurvey | null> =>
  cached(`survey:${ctx.organisationId}:${surveyId}`, () => getSendableSurvey(ctx, surveyId));

/** The contact is read fresh every time: a suppression a second ago must stop this mail. */
export const recipientOf = (ctx: Ctx, contactId: string) => getContact(ctx, contactId);
