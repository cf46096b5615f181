import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { systemContext } from '../../server/src/lib/context';
import { recordObservation } from '../../server/src/modules/analytics/analytics.live';
import { seedRollups } from '../../server/src/modules/analytics/rollups.rebuild';
import { demoObservations } from '../../scripts/lib/analytics-demo';
import { signUpOwner } from '../factories/accounts';
import { buildObservation } from '../factories/observations';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

/** gzip size of every script the page fetched, as a production server with compression would send it. */
function scriptWeight(urls: string[]): number {
  const dist = journey.app.harness.config.CLIENT_DIST;
  return urls
    .map((url) => path.join(dist, new URL(url).pathname))
    .filter((file) => fs.existsSync(file))
    .reduce((sum, file) => sum + zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length, 0);
}

test('a manager opens the dashboard, filters by touchpoint, reads the journey and channels, and a new answer appears without a reload', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  const ctx = systemContext({ organisationId: owner.organisationId, log: journey.app.harness.log });
  const today = new Date();
  await seedRollups(ctx, demoObservations({ count: 3_000, end: today, surveyId: 'onboarding-nps' }), 'UTC');

  const page = await journey.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${journey.app.url}/login`);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: /Welcome to Pulse/ }).waitFor();

  await page.getByRole('link', { name: 'Analytics' }).click();
  await page.getByRole('heading', { name: 'Analytics' }).waitFor();
  await page.getByText('Net Promoter Score').waitFor();
  await page.getByText('Trend with 95% interval').waitFor();
  await page.getByText('Journey').waitFor();
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await screenshot(page, 'analytics-01-overview');

  // Every score shows its n and its interval; the weakest touchpoint is marked.
  await page
    .getByText(/95% CI .* · n = /)
    .first()
    .waitFor();
  await page.getByText('Weakest').waitFor();

  // Filter by touchpoint: the URL keeps it, the card shows that touchpoint only.
  await page.getByLabel('Touchpoint', { exact: true }).selectOption('support');
  await page.waitForURL(/touchpointId=support/);
  await page.getByText('Channel consistency').waitFor();

  // A response arrives while the page is open: the headline n moves without a reload.
  const n = await page.evaluate(async () => {
    const res = await fetch('/api/v1/metrics?touchpointId=support');
    return ((await res.json()) as { figure: { n: number } }).figure.n;
  });
  await page
    .getByText(new RegExp(`n = ${n.toLocaleString('en')}\\b`))
    .first()
    .waitFor();
  await recordObservation(
    ctx,
    journey.app.harness.redis,
    buildObservation({
      surveyId: 'onboarding-nps',
      touchpointId: 'support',
      channel: 'web',
      answeredAt: new Date(),
      score: 10,
    }),
  );
  await page
    .getByText(new RegExp(`n = ${(n + 1).toLocaleString('en')}\\b`))
    .first()
    .waitFor();
  await screenshot(page, 'analytics-02-support-live');

  // First load of the dashboard itself (a fresh tab, signed in, straight to /analytics), next to
  // the home page's: the difference is what the dashboard adds to the signed-in shell.
  const firstLoad = async (route: string, ready: RegExp) => {
    const tab = await journey.newPage({ storageState: await page.context().storageState() });
    const scripts: string[] = [];
    tab.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.url());
    });
    await tab.goto(`${journey.app.url}${route}`);
    await tab.getByText(ready).first().waitFor();
    await tab.context().close();
    return scriptWeight(scripts);
  };
  const home = await firstLoad('/', /Welcome to Pulse/);
  const dashboard = await firstLoad('/analytics', /95% CI .* · n = /);
  console.log(
    `first load, JS gzip: dashboard ${(dashboard / 1024).toFixed(1)} KB, home ${(home / 1024).toFixed(1)} KB, ` +
      `the dashboard's own ${((dashboard - home) / 1024).toFixed(1)} KB`,
  );
  expect(dashboard - home).toBeLessThanOrEqual(30 * 1024);

  const phone = await journey.newPage({
    viewport: { width: 390, height: 844 },
    storageState: await page.context().storageState(),
  });
  await phone.goto(`${journey.app.url}/analytics?touchpointId=delivery`);
  await phone.getByText('Journey').waitFor();
  await phone
    .getByText(/95% CI .* · n = /)
    .first()
    .waitFor();
  await screenshot(phone, 'analytics-03-phone');
}, 300_000);
