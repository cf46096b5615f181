import { simpleMail } from '../mail/mail.layout';

/** Mail about a person's own account, sent from the system sender (see sendSystemEmail). */
export const verifyEmailMail = (to: string, name: string, url: string) =>
  simpleMail(
    to,
    'Confirm your email address for Pulse',
    [`Hi ${name},`, 'Please confirm that this is your email address.'],
    {
      label: 'Confirm my email',
      url,
    },
  );

/** Someone signed up with an address that already has an account: tell its owner, not the form. */
export const existingAccountMail = (to: string, publicUrl: string) =>
  simpleMail(
    to,
    'You already have a Pulse account',
    [
      'Someone (hopefully you) just tried to create a Pulse account with this email address, which already has one.',
      `Log in with your password, or choose a new one if you forgot it: ${publicUrl}/forgot-password`,
      'If it was not you, you can ignore this email: nothing changed on your account.',
    ],
    { label: 'Log in', url: `${publicUrl}/login` },
  );

export const resetPasswordMail = (to: string, url: string) =>
  simpleMail(
    to,
    'Reset your Pulse password',
    [
      'Someone (hopefully you) asked to reset the password of your Pulse account.',
      'The link works once, for one hour. If you did not ask, ignore this email.',
    ],
    { label: 'Choose a new password', url },
  );

/**
 * Security notices: something changed on the account or in an organisation the person owns. If
 * they did not do it, they learn at once; the mail names what happened, never a secret.
 */
export const securityNoticeMail = (to: string, subject: string, lines: string[], url: string) =>
  simpleMail(to, subject, [...lines, 'If this was not you or a teammate you trust, sign in and check now.'], {
    label: 'Open Pulse',
    url,
  });
