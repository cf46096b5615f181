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
 *   GET /                             a page listing them, where a developer reads their own mail
 * It listens on 127.0.0.1 only: what it holds (reset links) must not be reachable from elsewhere.
 */
export async function startMailCatcher(
  opts: { smtpPort?: number; httpPort?: number; keep?: number } = {},
): Promise<MailCatcher> {
  // A crash test counts every copy of 1,000+ mails; development keeps the newest KEEP.
  const keep = opts.keep ?? KEEP;
  const caught: CaughtMail[] = [];
  const arrivals = new EventEmitter().setMaxListeners(0);

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      // textAsHtml (the text part linkified) is never kept; building it was a third of the parse.
      simpleParser(stream, { skipTextToHtml: true })
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
          caught.length = Math.min(caught.length, keep);
          arrivals.emit('mail');
          callback();
        })
        .catch(callback);
    },
  });
  // A sender that dies mid-connection (a SIGKILLed worker) resets its socket; smtp-server reports
  // that as an 'error', which without a listener would take the catcher's process down with it.
  smtp.on('error', () => undefined);
  smtp.listen(opts.smtpPort ?? 0, '127.0.0.1');
  await once(smtp.server, 'listening');
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const messages = (to?: string) => (to ? caught.filter((m) => m.to.includes(to.toLowerCase())) : [...caught]);

  const app = express();
  app.get('/', (req, res) => {
    res.type('html').send(page(messages(req.query.to ? String(req.query.to) : undefined)));
  });
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

/** The List-* headers (unsubscribe, one-click) and Reply-To, as sent: what mail clients act on. */
function listHeaders(lines: ReadonlyArray<{ key: string; line: string }>): Record<string, string> {
  return Object.fromEntries(
    lines
      .filter((h) => h.key.startsWith('list-') || h.key === 'reply-to')
      .map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()]),
  );
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Newest first, each mail's text with its links clickable; everything caught is escaped. */
function page(caught: CaughtMail[]): string {
  const items = caught
    .map((m) => {
      const text = escapeHtml(m.text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
      return `<article><h2>${escapeHtml(m.subject || '(no subject)')}</h2>
<p class="meta">To ${escapeHtml(m.to.join(', '))} · from ${escapeHtml(m.from)} · <time>${m.receivedAt}</time></p>
<pre>${text}</pre></article>`;
    })
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pulse mail catcher</title>
<meta http-equiv="refresh" content="10">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}
article{border:1px solid #ccc;border-radius:6px;padding:0 1rem;margin:1rem 0}.meta{color:#555;font-size:14px}
pre{white-space:pre-wrap;overflow-wrap:anywhere}</style></head>
<body><h1>Mail caught in development</h1>
<p>Every mail Pulse sent while running with <code>npm start</code>; nothing left this machine. Filter with <code>?to=you@example.com</code>.</p>
${items || '<p>No mail yet.</p>'}</body></html>`;
}
