/** A mail's content before the mail module addresses and sends it. */
export interface MailContent {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Plain words and one obvious link; HTML mirrors the text so every client shows the same thing. */
export function simpleMail(
  to: string,
  subject: string,
  lines: string[],
  link: { label: string; url: string },
  signature = 'Pulse',
): MailContent {
  const text = [...lines, '', `${link.label}: ${link.url}`, '', `— ${signature}`].join('\n');
  const html =
    lines.map((l) => `<p>${esc(l)}</p>`).join('') +
    `<p><a href="${esc(link.url)}">${esc(link.label)}</a></p><p style="color:#666">— ${esc(signature)}</p>`;
  return { to, subject, text, html };
}
