import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import type { CaughtMail } from '@pulse/shared/schemas/outbox';

const KEEP = 1_000;

export interface MailCatcher {
  smtpUrl: string;
  httpUrl: string;
  messages(to?: string): CaughtMail[];
  close(): Promise<void>;
}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => (v.address ?? '').toLowerCase()));

/**
 * A real SMTP server that keeps what it receives, for development and tests: nothing leaves the
 * machine, and the Outbox page and tests read the messages over HTTP.
 *   GET /messages?to=a@b.c            what was caught, newest first
 *   GET /messages/wait?to=a@b.c&n=1   answers once n messages to that address have arrived (≤ 20 s)
 */
export async function startMailCatcher(opts: { smtpPort?: number; httpPort?: number } = {}): Promise<MailCatcher> {
  const caught: CaughtMail[] = [];
  const arrivals = new EventEmitter().setMaxListeners(0);

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          caught.unshift({
            id: randomUUID(),
            from: parsed.from?.text ?? '',
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            headers: listHeaders(parsed.headerLines),
            receivedAt: new Date().toISOString(),
          });
          caught.length = Math.min(caught.length, KEEP);
          arrivals.emit('mail');
          callback();
        })
        .catch(callback);
    },
  });
  smtp.listen(opts.smtpPort ?? 0, '127.0.0.1');
  await once(smtp.server, 'listening');
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const messages = (to?: string) => (to ? caught.filter((m) => m.to.includes(to.toLowerCase())) : [...caught]);

  const app = express();
  app.get('/messages', (req, res) => {
    res.json({ messages: messages(req.query.to ? String(req.query.to) : undefined) });
  });
  app.get('/messages/wait', (req, res) => {
    const to = req.query.to ? String(req.query.to) : undefined;
    const n = Number(req.query.n ?? 1);
    const answer = () => res.json({ messages: messages(to) });
    if (messages(to).length >= n) return answer();
    const onMail = () => {
      if (messages(to).length < n) return;
      cleanup();
      answer();
    };
    const timer = setTimeout(() => {
      cleanup();
      res.status(408).json({ messages: messages(to) });
    }, 20_000);
    const cleanup = () => {
      clearTimeout(timer);
      arrivals.off('mail', onMail);
    };
    arrivals.on('mail', onMail);
    req.on('close', cleanup);
  });
  const server = http.createServer(app).listen(opts.httpPort ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const httpPort = (server.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    messages,
    async close() {
      server.closeAllConnections();
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => smtp.close(() => r(undefined)))]);
    },
  };
}

/** The List-* headers (unsubscribe, one-click), as sent: what mail clients act on. */
function listHeaders(lines: ReadonlyArray<{ key: string; line: string }>): Record<string, string> {
  return Object.fromEntries(
    lines.filter((h) => h.key.startsWith('list-')).map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()]),
  );
}
