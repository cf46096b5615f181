import type { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';

import type { Ctx } from '../../lib/context';
import { getOrganisation } from '../organisations/organisation.service';
import type { SendableSurvey } from '../surveys/surveys.service';
import { composeSurveyEmail } from './survey-email.compose';

/**
 * The survey email exactly as a recipient would get it, for the builder's preview tab: any
 * definition (the draft being edited included), sample contact values, inert links.
 */
export async function renderSurveyEmailPreview(
  ctx: Ctx,
  input: { definition: SurveyDefinition; surveyId?: string; language?: string | null },
) {
  const org = await getOrganisation(ctx);
  const survey: SendableSurvey = {
    id: input.surveyId ?? 'preview',
    key: 'preview',
    name: 'Preview',
    status: 'active',
    version: 0,
    definition: input.definition,
  };
  const mail = await composeSurveyEmail({
    survey,
    org: { name: org.name, senderName: org.senderName, senderEmail: org.senderEmail },
    contact: { name: 'Alex Example', email: 'alex@example.com', language: input.language ?? null, attributes: {} },
    invitationId: null,
    language: input.language,
  });
  return { subject: mail.subject, html: mail.html, text: mail.text, renderMs: mail.renderMs };
}
