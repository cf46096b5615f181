import type { Page } from 'playwright-core';

import { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';

import { SurveyModel } from '../../server/src/modules/surveys/survey.model';
import { SurveyVersionModel, versionIdOf } from '../../server/src/modules/surveys/survey-version.model';
import { addTeammate, signUpOwner } from '../factories/accounts';
import { screenshot, SHOTS } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

const preview = (page: Page) => page.frameLocator('[data-testid="survey-preview"]');

async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a CX editor creates a CSAT survey from a template, adds a low-score follow-up and its French translation, watches the preview change, and publishes', async () => {
  const owner = await signUpOwner(journey.app.harness.app, { organisationName: 'Northwind Deliveries' });
  const editor = await addTeammate(journey.app.harness.app, owner.organisationId, 'editor');
  const context = await journey.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);

  await page.goto(`${journey.app.url}/login`);
  await page.getByLabel('Email').fill(editor.email);
  await page.getByLabel('Password').fill(editor.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Hear from your customers' }).waitFor();
  await page.getByText('Create a survey from a template — to do').waitFor();
  await screenshot(page, 'surveys-01-home-checklist');

  // The home page offers one NPS, one CSAT and one CES template; take the CSAT one.
  await page
    .getByRole('article', { name: 'Post-support CSAT' })
    .getByRole('button', { name: 'Use this template' })
    .click();
  await page.getByRole('heading', { name: 'Post-support CSAT', level: 1 }).waitFor();
  await preview(page)
    .getByText('How satisfied are you with the help you received from Northwind Deliveries?')
    .waitFor();
  await screenshot(page, 'surveys-02-builder-desktop');

  // A follow-up for low scores only.
  await page.getByRole('tab', { name: 'Follow-ups' }).click();
  await page.getByRole('button', { name: 'Add follow-up question' }).click();
  await page.getByRole('menuitem', { name: 'Open text' }).click();
  const card = page.getByRole('region', { name: 'Question 4: Open text' });
  await card.getByLabel('Neutral scores (3)').uncheck();
  await card.getByLabel('High scores (4–5)').uncheck();

  // Publishing with the question still empty shows the problem at its field, and publishes nothing.
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('1 problem to fix, shown at each field.').waitFor();
  await card.getByText('Must not be empty').waitFor();
  await screenshot(page, 'surveys-03-publish-error-at-field');
  await card.getByLabel('Question', { exact: true }).fill('What should we have done differently?');

  await pick(page, 'Screen', 'Follow-ups');
  await pick(page, 'Answer from', 'Low scores (1–2)');
  await preview(page).getByText('What should we have done differently?').waitFor();

  // French already covers the template; the new question is the one text missing.
  await page.getByRole('tab', { name: 'Translations' }).click();
  const french = page.getByRole('region', { name: 'Français 1 missing' });
  await french.getByLabel('What should we have done differently?').fill('Qu’aurions-nous dû faire autrement ?');
  await page.getByRole('button', { name: 'Français Complete' }).waitFor();
  await pick(page, 'Language', 'Français');
  await preview(page).getByText('Qu’aurions-nous dû faire autrement ?').waitFor();
  await screenshot(page, 'surveys-04-french-preview-desktop');

  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published version 1: new answers use it from now on.').waitFor();

  // The phone-width preview of the same page, and the builder itself on a phone.
  await page.getByText('Phone', { exact: true }).click();
  await screenshot(page, 'surveys-05-published-phone-preview');

  // The real survey email as recipients get it: the server's rendering of the saved draft, in a
  // sandboxed frame, in each language, at desktop and phone widths.
  await page.getByRole('tab', { name: 'Email', exact: true }).click();
  const email = page.frameLocator('[data-testid="survey-email-preview"]');
  // The body, not the preheader (the same words, hidden, for the inbox list).
  await email
    .getByRole('article')
    .getByText('How satisfied are you with the help you received from Northwind Deliveries?')
    .waitFor();
  expect(await page.getByTestId('survey-email-preview').getAttribute('sandbox')).toBe('');
  const emailSection = page.getByRole('region', { name: 'Email preview' });
  await emailSection.screenshot({ path: `${SHOTS}/surveys-05b-email-preview-desktop.png` });
  await pick(page, 'Language', 'Français');
  await email.getByRole('article').getByText('Êtes-vous satisfait de l’aide reçue de Northwind Deliveries ?').waitFor();
  await page.getByText('Phone', { exact: true }).click();
  await emailSection.screenshot({ path: `${SHOTS}/surveys-05c-email-preview-french-phone.png` });
  await page.getByRole('tab', { name: 'Web page', exact: true }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('tab', { name: 'Question' }).click();
  await page.getByRole('heading', { name: 'Live preview' }).scrollIntoViewIfNeeded();
  // What a phone shows here, not the whole (long) page.
  await page.screenshot({ path: `${SHOTS}/surveys-06-builder-phone.png` });
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/surveys-06b-builder-phone-top.png` });

  const survey = await SurveyModel.findOne({ organisationId: owner.organisationId }).lean();
  expect(survey).toMatchObject({ status: 'active', currentVersion: 1, kind: 'csat' });
  const version = await SurveyVersionModel.findOne({
    _id: versionIdOf(String(survey!._id), 1),
    organisationId: owner.organisationId,
  }).lean();
  const definition = SurveyDefinition.parse(JSON.parse(version!.definition));
  expect(definition.followUps.at(-1)).toMatchObject({
    type: 'text',
    text: 'What should we have done differently?',
    bands: ['low'],
  });
  expect(definition.translations.fr?.[`q.${definition.followUps.at(-1)!.id}.text`]).toBe(
    'Qu’aurions-nous dû faire autrement ?',
  );

  // The list shows it live, with no invented response count.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${journey.app.url}/surveys`);
  const row = page.getByRole('row', { name: /Post-support CSAT/ });
  await row.getByText('Active').waitFor();
  await expect(row.getByRole('cell', { name: 'No responses yet' }).textContent()).resolves.toBe('—');
  await screenshot(page, 'surveys-07-list');
  await context.close();
}, 300_000);
