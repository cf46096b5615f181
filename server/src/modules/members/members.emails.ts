import { simpleMail } from '../mail/mail.layout';

/** Sent by the organisation (its sender name; listed in its outbox). */
export const invitationMail = (to: string, inviter: string, organisation: string, role: string, url: string) =>
  simpleMail(
    to,
    `${inviter} invited you to ${organisation} on Pulse`,
    [
      `${inviter} invited you to join ${organisation} on Pulse as ${role === 'admin' ? 'an' : 'a'} ${role}.`,
      'The invitation is valid for 7 days.',
    ],
    { label: 'Accept the invitation', url },
  );
