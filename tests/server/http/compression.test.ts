import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import type { Express } from 'express';

import { createApp } from '../../../server/src/app';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let dist: string;
beforeAll(async () => {
  h = await startHarness();
  // A built client in miniature: one hashed asset with its precompressed copies, as the build writes them.
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  const js = `console.log(${JSON.stringify('x'.repeat(4000))});`;
  fs.writeFileSync(path.join(dist, 'index.html'), `<!doctype html><title>Pulse</title>${' '.repeat(2000)}`);
  fs.writeFileSync(
    path.join(dist, 'index.html.br'),
    zlib.brotliCompressSync(fs.readFileSync(path.join(dist, 'index.html'))),
  );
  fs.writeFileSync(path.join(dist, 'assets/app-abc123.js'), js);
  fs.writeFileSync(path.join(dist, 'assets/app-abc123.js.br'), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dist, 'assets/app-abc123.js.gz'), zlib.gzipSync(js));
});
afterAll(async () => {
  fs.rmSync(dist, { recursive: true, force: true });
  await h.close();
});

const clientApp = () => createApp({ ...h, config: { ...h.config, CLIENT_DIST: dist } });
interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** The bytes as they went over the wire: supertest and fetch would decompress them first. */
async function rawGet(app: Express, url: string, headers: Record<string, string>): Promise<RawAnswer> {
  const server = http.createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
      http.get({ host: '127.0.0.1', port, path: url, headers }, resolve).on('error', reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return { status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) };
  } finally {
    server.close();
  }
}

describe('compressed responses', () => {
  it('when the browser accepts brotli, then a hashed asset comes precompressed, typed as JavaScript and cached for a year', async () => {
    const res = await rawGet(clientApp(), '/assets/app-abc123.js', { 'Accept-Encoding': 'gzip, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(zlib.brotliDecompressSync(res.body).toString()).toContain('console.log');
  });

  it('when it accepts only gzip, or nothing, then it gets gzip, or the file as it is', async () => {
    const gz = await rawGet(clientApp(), '/assets/app-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await rawGet(clientApp(), '/assets/app-abc123.js', { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('console.log');
    const refused = await rawGet(clientApp(), '/assets/app-abc123.js', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(refused.headers['content-encoding']).toBe('gzip');
  });

  it('when a page route is opened, then index.html comes compressed and is revalidated every time', async () => {
    const res = await rawGet(clientApp(), '/settings', { Accept: 'text/html', 'Accept-Encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('when the API docs and JSON answers are fetched, then they are compressed on the fly', async () => {
    const bundle = await rawGet(h.app, '/api/docs/swagger-ui-bundle.js', { 'Accept-Encoding': 'br' });
    expect(bundle.headers['content-encoding']).toBe('br');
    const plain = await rawGet(h.app, '/api/docs/swagger-ui-bundle.js', { 'Accept-Encoding': 'identity' });
    console.log(
      `API docs bundle: ${Math.round(plain.body.length / 1024)} KB raw, ${Math.round(bundle.body.length / 1024)} KB brotli`,
    );
    expect(bundle.body.length).toBeLessThan(plain.body.length / 3);
    const doc = await rawGet(h.app, '/api/openapi.json', { 'Accept-Encoding': 'gzip' });
    expect(doc.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(doc.body).toString()).openapi).toBe('3.1.0');
  });
});
