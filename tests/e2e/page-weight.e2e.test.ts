import { useBrowserJourney } from './support/journey';

/**
 * What the log-in page costs a first-time visitor, as Chromium's network layer counts it
 * (encodedDataLength: bytes on the wire, headers included). The README quotes these figures:
 * `npx jest tests/e2e/page-weight` prints them.
 */
const journey = useBrowserJourney();

interface Transfer {
  url: string;
  type: string;
  bytes: number;
  encoding: string | undefined;
  cacheControl: string | undefined;
}

async function loadLoginPage(): Promise<Transfer[]> {
  const context = await journey.browser.newContext();
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
  await page.goto(`${journey.app.url}/login`, { waitUntil: 'networkidle' });
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
  const ours = transfers.filter((t) => t.url.startsWith(journey.app.url) && !t.url.includes('/api/'));
  // Files under 1 KB are not worth compressing (headers make up most of these transfers).
  const large = ours.filter((t) => ['Script', 'Stylesheet', 'Document'].includes(t.type) && t.bytes > 2048);
  expect(large.length).toBeGreaterThan(5);
  for (const t of large) {
    expect({ url: t.url, encoding: t.encoding }).toEqual({ url: t.url, encoding: 'br' });
  }
  for (const t of ours) {
    const hashed = new URL(t.url).pathname.startsWith('/assets/');
    expect({ url: t.url, cache: t.cacheControl }).toEqual({
      url: t.url,
      cache: hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  // 853 KB raw before compression; the figure the README quotes is printed above.
  expect(total('Script') + total('Stylesheet')).toBeLessThan(300 * 1024);
});
