import type { QueueEmailOptions } from '../mail/mail.service';

type Mail = Omit<QueueEmailOptions, 'from'>;

/** Plain words and one obvious link; HTML mirrors the text so every client shows the same thing. */
function mail(to: string, subject: string, lines: string[], link: { label: string; url: string }): Mail {
  const text = [...lines, '', `${link.label}: ${link.url}`, '', '— Pulse'].join('\n');
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const html =
    lines.map((l) => `<p>${esc(l)}</p>`).join('') +
    `<p><a href="${esc(link.url)}">${esc(link.label)}</a></p><p style="color:#666">— Pulse</p>`;
  return { to, subject, text, html };
}

export const verifyEmailMail = (to: string, name: string, url: string) =>
  mail(to, 'Confirm your email address for Pulse', [`Hi ${name},`, 'Please confirm that this is your email address.'], {
    label: 'Confirm my email',
    url,
  });

export const resetPasswordMail = (to: string, url: string) =>
  mail(
    to,
    'Reset your Pulse password',
    [
      'Someone (hopefully you) asked to reset the password of your Pulse account.',
      'The link works once, for one hour. If you did not ask, ignore this email.',
    ],
    { label: 'Choose a new password', url },
  );

export const invitationMail = (to: string, inviter: string, organisation: string, role: string, url: string) =>
  mail(
    to,
    `${inviter} invited you to ${organisation} on Pulse`,
    [
      `${inviter} invited you to join ${organisation} on Pulse as ${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}.`,
      'The invitation is valid for 7 days.',
    ],
    { label: 'Accept the invitation', url },
  );
