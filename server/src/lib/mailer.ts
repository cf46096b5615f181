import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * The HTML part already quoted-printable encoded (the survey mail's pre-encoded template), sent
   * as it is instead of `html`: nodemailer would otherwise encode ~15 KB byte by byte per mail.
   */
  htmlQuotedPrintable?: string;
  headers?: Record<string, string>;
}

const HTML_PART_HEADERS =
  'Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n';

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * A pooled SMTP transport. Nagle's algorithm with delayed ACKs costs ~44 ms per message on a
 * kept-alive SMTP connection (npm run bench measures it); nodemailer 10.6 sets TCP_NODELAY on
 * its sockets itself, which is why the version is pinned at or above it in package.json.
 */
export function createMailer(smtpUrl: string): Mailer {
  const options: SMTPPool.Options & { url: string } = {
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    // nodemailer's pool reconnects after 100 messages per connection by default; a campaign of
    // thousands keeps its connections instead.
    maxMessages: Infinity,
  };
  const transport = nodemailer.createTransport(options);

  return {
    async send({ htmlQuotedPrintable, ...mail }) {
      const info = await transport.sendMail(
        htmlQuotedPrintable === undefined ? mail : { ...mail, html: { raw: HTML_PART_HEADERS + htmlQuotedPrintable } },
      );
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}
