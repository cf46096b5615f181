import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ResponseModel } from '../../server/src/modules/responses/response.model';
import { widgetDemoPage } from '../../server/src/modules/responding/widget-demo';
import { signUpOwner } from '../factories/accounts';
import { buildTouchpoint } from '../factories/distribution';
import { buildSurvey } from '../factories/surveys';
import { axeViolations, describeViolations } from './support/axe';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

// A person may answer within the bot threshold here; widget.test.ts covers the threshold.
const journey = useBrowserJourney({ WEB_SURVEY_MIN_SECONDS: '0' });
let site: http.Server;
let siteUrl: string;
let org: string;

beforeAll(async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  org = owner.organisationId;
  const survey = await buildSurvey({ org });
  await buildTouchpoint({ org, key: 'checkout', rules: { surveyId: survey.id, fatigueDays: 30 } });
  // The customer's site: another origin (localhost, not 127.0.0.1) serving the hostile demo page.
  site = http.createServer((_req, res) => {
    // Every path is the demo page; under /checkout/ its rule shows the survey by itself.
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(widgetDemoPage({ pulseUrl: journey.app.url, org, touchpoint: 'checkout', nonce: 'demo' }));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  await owner.agent
    .patch('/api/v1/organisation')
    .send({ widgetOrigins: [siteUrl] })
    .expect(200);
});
afterAll(() => {
  site?.close();
});

async function expectAccessible(page: import('playwright-core').Page, name: string) {
  const violations = await axeViolations(page);
  expect({ page: name, violations: describeViolations(violations) }).toEqual({ page: name, violations: '' });
}

describe.each([
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
])('the widget on a host page with aggressive global CSS (%s)', (size, viewport) => {
  it('looks like the respondent pages, passes axe, and submits a response from another origin', async () => {
    const context = await journey.browser.newContext({ bypassCSP: true, viewport });
    const page = await context.newPage();
    try {
      await page.goto(siteUrl);
      await page.getByRole('button', { name: 'Rate your visit' }).click();
      const panel = page.locator('pulse-survey').getByRole('dialog');
      await panel.waitFor();

      // The page's `*` rules (Comic Sans, magenta, uppercase, hidden radios, dashed borders) stop at the shadow root.
      const look = await page.locator('pulse-survey .card').evaluate((card) => {
        const s = getComputedStyle(card);
        const label = card.querySelector('label[for="score-9"]')!.getBoundingClientRect();
        return { font: s.fontFamily, color: s.color, transform: s.textTransform, border: s.borderTopStyle, label };
      });
      expect(look.font).not.toMatch(/Comic/);
      expect(look).toMatchObject({ color: 'rgb(31, 35, 40)', transform: 'none', border: 'solid' });
      expect(look.label.width).toBeGreaterThanOrEqual(44);
      expect(look.label.height).toBeGreaterThanOrEqual(44);
      await screenshot(page, `widget-demo-score-${size}`);
      await expectAccessible(page, 'widget score');

      await panel.getByRole('radio', { name: '9 out of 10' }).check();
      await panel.getByRole('button', { name: 'Next' }).click();
      await panel.getByLabel('What is the main reason for your score?').fill(`Smooth checkout (${size})`);
      await expectAccessible(page, 'widget follow-ups');
      await screenshot(page, `widget-demo-follow-ups-${size}`);
      await panel.getByRole('button', { name: 'Send' }).click();
      await panel.getByRole('heading', { name: 'Thank you!' }).waitFor();
      await expectAccessible(page, 'widget thank-you');
      await screenshot(page, `widget-demo-thank-you-${size}`);

      const stored = await ResponseModel.find({ organisationId: org, comment: `Smooth checkout (${size})` }).lean();
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        channel: 'widget',
        touchpointKey: 'checkout',
        score: 9,
        band: 'promoter',
        state: 'confirmed',
        surveyVersion: 1,
        hidden: { contact: 'demo-visitor' },
      });

      await panel.getByRole('button', { name: 'Close the survey' }).click();
      await panel.waitFor({ state: 'detached' });
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe('the rule-based trigger', () => {
  it('shows the survey on a checkout page after its delay, and not again to that contact within the fatigue window', async () => {
    const context = await journey.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    // Record the widget's announcements from the first script on, before the widget runs.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(globalThis, { pulseSeen: seen });
      for (const type of ['pulse:shown', 'pulse:skipped']) addEventListener(type, () => seen.push(type));
    });
    const announced = () =>
      page
        .waitForFunction(() => (globalThis as unknown as { pulseSeen: string[] }).pulseSeen[0])
        .then((h) => h.jsonValue());
    try {
      await page.goto(`${siteUrl}/checkout/done`);
      expect(await announced()).toBe('pulse:shown');
      await page.locator('pulse-survey').getByRole('dialog').waitFor();
      await page.reload();
      expect(await announced()).toBe('pulse:skipped');
      expect(await page.locator('pulse-survey').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);
});
