import { simpleMail } from '../mail/mail.layout';

/** To the people a rule names: what was said, and a link to the case (or the response). */
export const alertMail = (
  to: string,
  a: { ruleName: string; score: number; band: string; comment: string | null; touchpoint: string | null; url: string },
) =>
  simpleMail(
    to,
    `Alert: ${a.ruleName} — score ${a.score}${a.touchpoint ? ` at ${a.touchpoint}` : ''}`,
    [
      `A customer answered ${a.score} (${a.band})${a.touchpoint ? ` at ${a.touchpoint}` : ''}.`,
      a.comment ? `They wrote: “${a.comment}”` : 'They left no comment.',
      `Rule: ${a.ruleName}`,
    ],
    { label: 'Open in Pulse', url: a.url },
  );
