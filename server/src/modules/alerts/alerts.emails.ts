import { simpleMail } from '../mail/mail.layout';

export interface AlertFacts {
  ruleName: string;
  score: number;
  band: string;
  comment: string | null;
  touchpoint: string | null;
  url: string;
}

const at = (touchpoint: string | null) => (touchpoint ? ` at ${touchpoint}` : '');

/** To the people a rule names: what was said, and a link to the case (or the response). */
export const alertMail = (to: string, a: AlertFacts) =>
  simpleMail(
    to,
    `Alert: ${a.ruleName} — score ${a.score}${at(a.touchpoint)}`,
    [
      `A customer answered ${a.score} (${a.band})${at(a.touchpoint)}.`,
      a.comment ? `They wrote: “${a.comment}”` : 'They left no comment.',
      `Rule: ${a.ruleName}`,
    ],
    { label: 'Open in Pulse', url: a.url },
  );

export interface NoAnswerFacts {
  ruleName: string;
  days: number;
  contact: string;
  touchpoint: string;
  sentAt: Date;
  url: string;
}

/** An invitation nobody answered: who, where, since when. */
export const noAnswerMail = (to: string, a: NoAnswerFacts) =>
  simpleMail(
    to,
    `Alert: ${a.ruleName} — no answer from ${a.contact} after ${a.days} days`,
    [
      `${a.contact} was asked about ${a.touchpoint} on ${a.sentAt.toISOString().slice(0, 10)} and has not answered.`,
      `Rule: ${a.ruleName}`,
    ],
    { label: 'Open in Pulse', url: a.url },
  );

/** One chat message (Slack and Teams incoming webhooks both take `{ text }` and link bare URLs). */
export const chatText = (a: AlertFacts) =>
  [
    `Alert: ${a.ruleName} — score ${a.score} (${a.band})${at(a.touchpoint)}`,
    a.comment ? `“${a.comment}”` : 'No comment.',
    `Open in Pulse: ${a.url}`,
  ].join('\n');

export const noAnswerText = (a: NoAnswerFacts) =>
  `Alert: ${a.ruleName} — no answer from ${a.contact} about ${a.touchpoint} after ${a.days} days\nOpen in Pulse: ${a.url}`;

/** The firings of one rule and period, one line each, newest last. */
export const digestMail = (
  to: string,
  d: { ruleName: string; period: 'hourly' | 'daily'; lines: string[]; url: string },
) =>
  simpleMail(
    to,
    `Alert digest: ${d.ruleName} — ${d.lines.length} ${d.lines.length === 1 ? 'alert' : 'alerts'} (${d.period})`,
    [`Rule: ${d.ruleName}`, ...d.lines.map((l) => `• ${l}`)],
    { label: 'Open in Pulse', url: d.url },
  );
