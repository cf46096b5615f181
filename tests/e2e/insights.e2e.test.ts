import { Types } from 'mongoose';
import type { Page } from 'playwright-core';

import { systemContext } from '../../server/src/lib/context';
import { InsightContributionModel } from '../../server/src/modules/insights/insights.model';
import { processComment } from '../../server/src/modules/insights/insights.service';
import { recordAnswers, recordScore } from '../../server/src/modules/responses/responses.service';
import { signUpOwner } from '../factories/accounts';
import { buildTouchpoint } from '../factories/distribution';
import { until } from '../setup/until';
import { axeViolations, describeViolations } from './support/axe';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

const WEEK = 7 * 86_400_000;

/**
 * Twelve weeks of comments on two touchpoints (late drivers and lovely packaging at delivery,
 * helpful agents at support), a burst about parcel lockers this week, and three real answers whose
 * comments the page reads back through the response events.
 */
async function seed(organisationId: string) {
  const ctx = systemContext({ organisationId, log: journey.app.harness.log });
  const delivery = await buildTouchpoint({ org: organisationId, key: 'delivery', order: 0 });
  const support = await buildTouchpoint({ org: organisationId, key: 'support', order: 1 });
  const add = (touchpointId: string, band: 'detractor' | 'passive' | 'promoter', comment: string, weeksAgo: number) =>
    processComment(ctx, {
      organisationId,
      responseId: new Types.ObjectId().toHexString(),
      touchpointId,
      language: 'en',
      band,
      comment,
      answeredAt: new Date(Date.now() - weeksAgo * WEEK),
    });
  for (let week = 1; week < 11; week += 1) {
    for (let i = 0; i < 3; i += 1) {
      await add(delivery.id, 'detractor', 'The driver was late again.', week);
      await add(delivery.id, 'promoter', 'Lovely packaging, thank you.', week);
      await add(support.id, 'promoter', 'The agent was helpful and kind.', week);
    }
  }
  for (let i = 0; i < 8; i += 1) await add(delivery.id, 'passive', 'The parcel locker was full.', 0);

  const texts = [
    'Our driver left the parcel in the rain.',
    'Two drivers came, neither rang the bell.',
    'Driver was rude.',
  ];
  for (const text of texts) {
    const responseId = new Types.ObjectId();
    await recordScore(
      ctx,
      {
        responseId,
        survey: { id: new Types.ObjectId().toHexString(), version: 1, kind: 'nps', scale: { min: 0, max: 10 } },
        touchpointId: delivery.id,
        touchpointKey: 'delivery',
        channel: 'email',
        invitationId: null,
        contactId: null,
        language: 'en',
      },
      { score: 2, confirm: true, changeWindowMs: 60_000 },
    );
    await recordAnswers(ctx, responseId, {
      answers: [{ questionId: 'why', text, rating: null, other: null }],
      comment: text,
      changeWindowMs: 60_000,
    });
  }
  await until(
    () => InsightContributionModel.countDocuments({ organisationId }),
    (n) => n === 101,
    60_000,
  );
}

async function signIn(page: Page, owner: { email: string; password: string }) {
  await page.goto(`${journey.app.url}/login`);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: /Welcome to Pulse/ }).waitFor();
}

test('a manager reads the themes of a touchpoint, opens the comments behind one, and merges a synonym', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  await seed(owner.organisationId);

  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await signIn(page, owner);
  await page.getByRole('link', { name: 'Insights' }).click();
  await page.getByRole('heading', { name: 'Text insights' }).waitFor();

  const themes = page.getByRole('region', { name: /Themes at/ });
  const drivers = page.getByRole('region', { name: 'Drivers of low scores' });
  const emerging = page.getByRole('region', { name: 'Emerging themes' });
  await themes.getByRole('button', { name: /^driver\b.*n = 33\b/ }).waitFor();
  await drivers.getByRole('button', { name: /^driver\b/ }).waitFor();
  await emerging.getByRole('button', { name: /^parcel locker\b/ }).waitFor();
  expect(await themes.getByRole('button', { name: /^agent\b/ }).count()).toBe(0);

  // A theme opens its comments: the real answers, the theme's word marked in each form.
  await themes.getByRole('button', { name: /^driver\b/ }).click();
  await page.waitForURL(/theme=driver/);
  const comments = page.getByRole('region', { name: 'Comments' });
  await comments.getByText('Comments about “driver”').waitFor();
  await comments.locator('mark', { hasText: 'drivers' }).waitFor();
  expect((await comments.locator('mark').allTextContents()).map((t) => t.toLowerCase()).sort()).toEqual(
    expect.arrayContaining(['driver', 'drivers']),
  );
  await screenshot(page, 'insights-01-themes-comments');
  expect(describeViolations(await axeViolations(page))).toBe('');

  // Merge "parcel locker" into a named theme: the rankings apply it to history at once.
  const form = page.getByRole('form', { name: 'Name a theme' });
  await form.getByLabel('Theme name').fill('Delivery staff');
  await form.getByLabel('Words counted under it (comma separated)').fill('driver, parcel locker');
  await form.getByRole('button', { name: 'Save theme' }).click();
  await form.getByRole('status').waitFor();
  await themes.getByRole('button', { name: /^Delivery staff\b.*n = 41\b/ }).waitFor();
  expect(await emerging.getByRole('button', { name: /^parcel locker\b/ }).count()).toBe(0);
  await screenshot(page, 'insights-02-merged');

  const phone = await journey.newPage({
    viewport: { width: 390, height: 844 },
    storageState: await context.storageState(),
    bypassCSP: true,
  });
  await phone.goto(`${journey.app.url}/insights?theme=driver`);
  await phone.getByRole('region', { name: 'Comments' }).locator('mark').first().waitFor();
  await screenshot(phone, 'insights-03-phone');
  expect(describeViolations(await axeViolations(phone))).toBe('');
}, 480_000);
