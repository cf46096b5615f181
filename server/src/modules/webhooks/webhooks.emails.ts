import { simpleMail } from '../mail/mail.layout';

/** To the organisation's owners and admins, once per failing streak that disabled an endpoint. */
export const webhookDisabledMail = (to: string, e: { url: string; reason: string; link: string }) =>
  simpleMail(
    to,
    `Webhook endpoint disabled: ${e.url}`,
    [
      `Pulse stopped sending events to ${e.url}.`,
      `${e.reason}.`,
      'Fix the receiver, enable the endpoint again, then use "Recover since…" to resend what it missed.',
    ],
    { label: 'Open the endpoint', url: e.link },
  );
