import { localise } from '@pulse/shared/surveys/texts';

import { createMailer } from '../../../server/src/lib/mailer';
import { renderSurveyEmail } from '../../../server/src/modules/invitations/survey-email';
import type { buildInvitation } from '../../factories/responses';

/**
 * Sends an invitation's survey email through real SMTP to the mail catcher, rendered by the
 * distribution module's own template with the invitation's personal links.
 */
export async function sendSurveyMail(opts: {
  smtpUrl: string;
  baseUrl: string;
  invitation: Awaited<ReturnType<typeof buildInvitation>>;
  to: string;
}) {
  const survey = localise(opts.invitation.survey.definition, null);
  const mail = await renderSurveyEmail({
    survey,
    organisationName: 'Acme',
    values: { company: 'Acme', 'contact.firstName': 'Sam' },
    links: {
      survey: `${opts.baseUrl}/r/${opts.invitation.token}`,
      unsubscribe: `${opts.baseUrl}/u/${opts.invitation.token}`,
      pixel: `${opts.baseUrl}/o/${opts.invitation.token}.gif`,
    },
  });
  const mailer = createMailer(opts.smtpUrl);
  try {
    await mailer.send({
      from: 'Acme <survey@example.test>',
      to: opts.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  } finally {
    mailer.close();
  }
}
