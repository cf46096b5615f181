import net from 'node:net';

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
 * A pooled SMTP transport. nodemailer leaves Nagle's algorithm on, which with delayed ACKs costs
 * ~44 ms per message on a kept-alive connection; handing it sockets with TCP_NODELAY removes that.
 */
export function createMailer(smtpUrl: string): Mailer {
  const options: SMTPPool.Options & { url: string } = {
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    getSocket: (_options, callback) => {
      const socket = new net.Socket();
      socket.setNoDelay(true);
      callback(null, { socket });
    },
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
