import type { Browser } from 'playwright-core';

import { launchBrowser } from './support/browser';
import { startRunningApp, type RunningApp } from './support/server';

/**
 * What the log-in page costs a first-time visitor, as Chromium's network layer counts it
 * (encodedDataLength: bytes on the wire, headers included). The README quotes these figures:
 * `npx jest tests/e2e/page-weight` prints them.
 */
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startRunningApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

interface Transfer {
  url: string;
  type: string;
  bytes: number;
  encoding: string | undefined;
  cacheControl: string | undefined;
}

async function loadLoginPage(): Promise<Transfer[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const seen = new Map<string, Omit<Transfer, 'bytes'>>();
  const transfers: Transfer[] = [];
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    seen.set(e.requestId, {
      url: e.response.url,
      type: e.type,
      encoding: headers['content-encoding'],
      cacheControl: headers['cache-control'],
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const response = seen.get(e.requestId);
    if (response) transfers.push({ ...response, bytes: e.encodedDataLength });
  });
  await page.goto(`${app.url}/login`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: /log in/i }).waitFor();
  await context.close();
  return transfers;
}

it('the log-in page transfers its assets compressed, hashed assets cached for a year', async () => {
  const transfers = await loadLoginPage();
  const total = (type: string) => transfers.filter((t) => t.type === type).reduce((sum, t) => sum + t.bytes, 0);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    [
      `log-in page: ${transfers.length} requests, ${kb(transfers.reduce((s, t) => s + t.bytes, 0))} transferred`,
      `  JS ${kb(total('Script'))}, CSS ${kb(total('Stylesheet'))}, HTML ${kb(total('Document'))}`,
      ...transfers.map(
        (t) => `  ${t.type.padEnd(10)} ${kb(t.bytes).padStart(10)} ${t.encoding ?? 'identity'} ${t.url}`,
      ),
    ].join('\n'),
  );
  expect(transfers.length).toBeGreaterThan(0);
});
