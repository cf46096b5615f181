import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

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
    async send(mail) {
      const info = await transport.sendMail(mail);
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}
