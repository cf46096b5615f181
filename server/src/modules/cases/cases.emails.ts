import type { MailContent } from '../mail/mail.layout';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The agent's own words, as plain paragraphs: a reply reads like a person wrote it, not a campaign. */
export function replyMail(to: string, subject: string, message: string, agentName: string): MailContent {
  const paragraphs = message
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return {
    to,
    subject,
    text: `${message.trim()}\n\n— ${agentName}`,
    html:
      paragraphs.map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('') +
      `<p style="color:#666">— ${esc(agentName)}</p>`,
  };
}
