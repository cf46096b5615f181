import { simpleMail } from '../mail/mail.layout';

/** To the people an escalation step names: which case, what happened to its SLA, a link. */
export const escalationMail = (to: string, e: { number: number; text: string; url: string }) =>
  simpleMail(to, `Case ${e.number}: SLA escalation`, [e.text], { label: 'Open the case', url: e.url });
