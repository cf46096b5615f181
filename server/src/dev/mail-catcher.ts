import { randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import express from 'express';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

import type { CaughtMail } from '@pulse/shared/schemas/outbox';

const KEEP = 1_000;

/** What the catcher knows of a mail the moment it arrives, without parsing it. */
export type CaughtEnvelope = Pick<CaughtMail, 'id' | 'to' | 'headers' | 'receivedAt'>;

export interface MailCatcher {
  smtpUrl: string;
  httpUrl: string;
  /** Newest first; the parsed mails (text, HTML) are read over HTTP. */
  messages(to?: string): CaughtEnvelope[];
  close(): Promise<void>;
}

interface Held extends CaughtEnvelope {
  /** The message as received, until its first read parses it. */
  raw: Buffer;
  parsed?: Promise<CaughtMail>;
}

/**
 * A real SMTP server that keeps what it receives, for development and tests: nothing leaves the
 * machine, and the Outbox page and tests read the messages over HTTP.
 *   GET /messages?to=a@b.c            what was caught, newest first
 *   GET /messages/wait?to=a@b.c&n=1   answers once n messages to that address have arrived (≤ 20 s)
 *   GET /messages/count?to=a@b.c      how many, without reading them (a benchmark polls it)
 *   GET /                             a page listing them, where a developer reads their own mail
 * It listens on 127.0.0.1 only: what it holds (reset links) must not be reachable from elsewhere.
 *
 * A mail is stored as received and parsed (mailparser) on its first read: parsing a 15 KB survey
 * mail cost more CPU than sending it, and most caught mail is never read. The recipients come
 * from the SMTP envelope and the List-* and Reply-To headers from the raw header block, so
 * lookups and counts never parse.
 */
export async function startMailCatcher(
  opts: { smtpPort?: number; httpPort?: number; keep?: number } = {},
): Promise<MailCatcher> {
  // A crash test counts every copy of 1,000+ mails; development keeps the newest KEEP.
  const keep = opts.keep ?? KEEP;
  const caught: Held[] = [];
  const arrivals = new EventEmitter().setMaxListeners(0);

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // Only 127.0.0.1 connects: a DNS lookup per connection would name nobody.
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', callback);
      stream.once('end', () => {
        const raw = Buffer.concat(chunks);
        caught.unshift({
          id: randomUUID(),
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          headers: listHeaders(raw),
          receivedAt: new Date().toISOString(),
          raw,
        });
        caught.length = Math.min(caught.length, keep);
        arrivals.emit('mail');
        callback();
      });
    },
  });
  // A sender that dies mid-connection (a SIGKILLed worker) resets its socket; smtp-server reports
  // that as an 'error', which without a listener would take the catcher's process down with it.
  smtp.on('error', () => undefined);
  smtp.listen(opts.smtpPort ?? 0, '127.0.0.1');
  await once(smtp.server, 'listening');
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const held = (to?: string) => (to ? caught.filter((m) => m.to.includes(to.toLowerCase())) : [...caught]);
  const read = (to?: string) => Promise.all(held(to).map((m) => (m.parsed ??= parse(m))));

  const app = express();
  app.get('/', async (req, res) => {
    res.type('html').send(page(await read(req.query.to ? String(req.query.to) : undefined)));
  });
  app.get('/messages', async (req, res) => {
    res.json({ messages: await read(req.query.to ? String(req.query.to) : undefined) });
  });
  app.get('/messages/count', (req, res) => {
    res.json({ count: held(req.query.to ? String(req.query.to) : undefined).length });
  });
  app.get('/messages/wait', (req, res) => {
    const to = req.query.to ? String(req.query.to) : undefined;
    const n = Number(req.query.n ?? 1);
    const answer = async (status = 200) => res.status(status).json({ messages: await read(to) });
    if (held(to).length >= n) return answer();
    const onMail = () => {
      if (held(to).length < n) return;
      cleanup();
      void answer();
    };
    const timer = setTimeout(() => {
      cleanup();
      void answer(408);
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
    messages: (to) =>
      held(to).map(({ id, to: recipients, headers, receivedAt }) => ({ id, to: recipients, headers, receivedAt })),
    async close() {
      server.closeAllConnections();
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => smtp.close(() => r(undefined)))]);
    },
  };
}

/** The whole mail; one mailparser cannot read is shown as its source. */
async function parse({ raw, ...envelope }: Held): Promise<CaughtMail> {
  try {
    // textAsHtml (the text part linkified) is never kept; building it was a third of the parse.
    const parsed = await simpleParser(raw, { skipTextToHtml: true });
    return {
      ...envelope,
      from: parsed.from?.text ?? '',
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : null,
    };
  } catch {
    return { ...envelope, from: '', subject: '', text: raw.toString(), html: null };
  }
}

/**
 * The List-* headers (unsubscribe, one-click) and Reply-To, as sent: what mail clients act on.
 * Read from the header block as it is (unfolded, not decoded: they are ASCII URLs and addresses).
 */
function listHeaders(raw: Buffer): Record<string, string> {
  const end = raw.indexOf('\r\n\r\n');
  const block = raw.toString('utf8', 0, end === -1 ? raw.length : end).replace(/\r\n(?=[ \t])/g, '');
  const found: Record<string, string> = {};
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    const key = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && (key.startsWith('list-') || key === 'reply-to')) found[key] = line.slice(colon + 1).trim();
  }
  return found;
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
