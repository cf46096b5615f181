import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

import { resolveSafely } from './webhooks.address';

export interface PostOutcome {
  status: number | null;
  latencyMs: number;
  /** The receiver's answer, truncated for the delivery log. */
  body: string | null;
  retryAfterMs: number | null;
  error: string | null;
}

const KEEP_BODY = 1_000;

/** Retry-After as seconds or an HTTP date; anything else is ignored. */
function retryAfterOf(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * One POST, connecting only to the address resolveSafely approved (the lookup is pinned to it),
 * never following redirects, and given up after `timeoutMs` in all: a receiver that hangs costs
 * a delivery slot for that long and nothing else.
 */
export async function postWebhook(rawUrl: string, headers: Record<string, string>, body: string, timeoutMs: number) {
  const started = performance.now();
  const url = new URL(rawUrl);
  const target = await resolveSafely(url);
  const pinned: LookupFunction = (_host, opts, cb) => {
    if ((opts as { all?: boolean }).all) (cb as never as (e: null, a: unknown[]) => void)(null, [target]);
    else cb(null, target.address, target.family);
  };
  return new Promise<PostOutcome>((resolve) => {
    const done = (o: Omit<PostOutcome, 'latencyMs'>) =>
      resolve({ ...o, latencyMs: Math.round(performance.now() - started) });
    const req = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      lookup: pinned,
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'Pulse-Webhooks/1',
      },
      agent: false,
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      res.on('data', (c: Buffer) => {
        if (kept < KEEP_BODY) chunks.push(c);
        kept += c.length;
      });
      res.on('end', () => {
        clearTimeout(timer);
        done({
          status: res.statusCode ?? null,
          body: Buffer.concat(chunks).toString('utf8').slice(0, KEEP_BODY),
          retryAfterMs: retryAfterOf(res.headers['retry-after']),
          error: null,
        });
      });
      res.on('error', (err) => {
        clearTimeout(timer);
        done({ status: res.statusCode ?? null, body: null, retryAfterMs: null, error: String(err.message) });
      });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      done({ status: null, body: null, retryAfterMs: null, error: err.message });
    });
    req.end(body);
  });
}
