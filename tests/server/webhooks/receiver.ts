import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A webhook receiver written from the Standard Webhooks specification alone
 * (https://www.standardwebhooks.com), sharing no code with Pulse: the secret is `whsec_` + base64
 * key; the signed content is `${webhook-id}.${webhook-timestamp}.${body}`; webhook-signature is a
 * space-separated list of `v1,<base64 HMAC-SHA256>`; timestamps older than 5 minutes are refused.
 */
export function verifyStandardWebhook(
  secret: string,
  headers: Record<string, string | undefined>,
  body: Buffer,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]))
    .digest();
  return signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export interface Received {
  headers: Record<string, string | undefined>;
  body: Buffer;
  json: { type: string; timestamp: string; data: Record<string, unknown> };
}

/**
 * A real HTTP server on 127.0.0.1. `answer` decides each reply (status, headers, or `hang` to
 * never answer); every request is kept, in order of arrival.
 */
export async function startReceiver(
  answer: (r: Received, n: number) => { status: number; headers?: Record<string, string> } | 'hang' = () => ({
    status: 200,
  }),
  port = 0,
) {
  const received: Received[] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const r: Received = {
        headers: req.headers as Record<string, string | undefined>,
        body,
        json: JSON.parse(body.toString('utf8')),
      };
      received.push(r);
      const a = answer(r, received.length);
      if (a === 'hang') {
        hanging.push(res);
        return;
      }
      res.writeHead(a.status, a.headers).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    received,
    hanging,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (for a receiver that is down), free at the time of asking. */
export async function freePort(): Promise<number> {
  const probe = await startReceiver();
  await probe.close();
  return probe.port;
}
