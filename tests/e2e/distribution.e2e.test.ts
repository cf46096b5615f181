import { createApiKey, signUpOwner } from '../factories/accounts';
import { buildSurvey } from '../factories/surveys';
import { waitForMail } from '../setup/mail';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

const stamp = Date.now().toString(36);
const customer = `ada-${stamp}@example.test`;

test('a manager adds a touchpoint with rules, a system reports an interaction, the invitation shows in the log and on the contact, and a CSV with a broken row is imported', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  await buildSurvey({ org: owner, kind: 'csat', name: 'Delivery CSAT' });
  const { secret } = await createApiKey(owner, ['interactions:write']);

  const page = await journey.logIn(owner);

  // Home's checklist leads to the touchpoints page.
  await page.getByRole('link', { name: /Add a touchpoint/ }).click();
  await page.getByRole('heading', { name: 'Touchpoints', level: 1 }).waitFor();
  await page.getByText('No touchpoints yet').waitFor();

  await page.getByRole('button', { name: 'New touchpoint' }).click();
  const dialog = page.getByRole('dialog', { name: 'New touchpoint' });
  await dialog.getByLabel('Name').fill('Parcel delivered');
  await dialog.getByLabel('Key').fill('parcel_delivered');
  await dialog.getByLabel('Journey stage').fill('Delivery');
  await dialog.getByRole('combobox', { name: 'Survey' }).click();
  await page.getByRole('option', { name: 'Delivery CSAT' }).click();
  // A bad rule is refused at its field, not somewhere above the form.
  await dialog.getByLabel('Sampling (%)').fill('150');
  await dialog.getByLabel('Fatigue window (days)').fill('30');
  await dialog.getByRole('button', { name: 'Create touchpoint' }).click();
  const sampling = dialog.getByLabel('Sampling (%)');
  await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await sampling.elementHandle());
  const describedBy = (await sampling.getAttribute('aria-describedby')) ?? '';
  const said = await page
    .locator(
      describedBy
        .split(' ')
        .map((id) => `[id="${id}"]`)
        .join(','),
    )
    .allInnerTexts();
  expect(said.join(' ')).toMatch(/100/);
  await screenshot(page, 'distribution-01-rules-error');
  await sampling.fill('100');
  await dialog.getByRole('switch', { name: /Quiet hours/ }).check();
  await dialog.getByRole('button', { name: 'Create touchpoint' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const card = page.getByRole('article', { name: 'Parcel delivered' });
  await card.getByText('At most once per 30 days per contact').waitFor();
  await card.getByText('Delivery CSAT').waitFor();
  await screenshot(page, 'distribution-02-journey');

  // Another system reports an interaction with the API key.
  const ingest = await fetch(`${journey.app.url}/api/v1/interactions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      touchpoint: 'parcel_delivered',
      contact: { email: customer, name: 'Ada Lovelace', timeZone: 'UTC', attributes: { plan: 'pro' } },
    }),
  });
  expect(ingest.status).toBe(200);
  const { decisions } = (await ingest.json()) as { decisions: Array<{ outcome: string }> };
  expect(decisions[0]!.outcome).toBe('invited');

  await page.getByRole('link', { name: 'Invitations' }).click();
  await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
  const row = page.getByRole('row').filter({ hasText: customer });
  await row.waitFor();
  // Quiet hours are in the contact's zone, so the send may wait; either way the row says what happened.
  await row
    .getByText(/Queued|Sending|Sent/)
    // The last copy is the Decision column's; the first folds into the contact cell on phones.
    .last()
    .waitFor();
  await page.getByRole('combobox', { name: 'Touchpoint' }).click();
  await page.getByRole('option', { name: 'Parcel delivered' }).click();
  await page.waitForURL(/touchpoint=[a-f0-9]{24}/);
  await row.waitFor();
  await screenshot(page, 'distribution-03-invitations');

  await row.getByRole('link', { name: customer }).click();
  await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByText('Interaction at parcel_delivered: invited by email').waitFor();
  await page.getByText('Not suppressed').waitFor();
  await page.getByRole('region', { name: 'Attributes' }).getByText('pro').waitFor();
  await screenshot(page, 'distribution-04-contact');

  // A CSV of three rows, the second broken: the report names its row and column, the others go in.
  await page.goto(`${journey.app.url}/import`);
  await page.getByRole('heading', { name: 'Import interactions', level: 1 }).waitFor();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'deliveries.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `email,name,attr.plan\nbo-${stamp}@example.test,Bo,free\nnot-an-email,Broken,free\ncy-${stamp}@example.test,Cy,pro\n`,
    ),
  });
  await page.getByRole('combobox', { name: 'Touchpoint' }).click();
  await page.getByRole('option', { name: /Parcel delivered/ }).click();
  await page.getByRole('button', { name: 'Start import' }).click();
  const report = page.getByRole('region', { name: 'Import progress' });
  await report.getByRole('heading', { name: 'Imported deliveries.csv' }).waitFor();
  await report.getByRole('cell', { name: 'email', exact: true }).waitFor();
  expect(await report.getByRole('row').nth(1).innerText()).toMatch(/^3\s+email\s+/);
  expect(await report.getByText('Imported', { exact: true }).locator('xpath=..').innerText()).toContain('2');
  await screenshot(page, 'distribution-05-import');

  // The imported people are contacts now, found by search.
  await page.getByRole('link', { name: 'Contacts' }).click();
  await page.getByLabel('Search').fill(`cy-${stamp}`);
  await page.waitForURL(/q=cy-/);
  await page.getByRole('link', { name: 'Cy' }).waitFor();
  await page.getByLabel('Search').fill('');
  await page.getByRole('link', { name: 'Ada Lovelace' }).waitFor();
  await screenshot(page, 'distribution-06-contacts');

  // The survey mail itself arrives (quiet hours permitting, which the UTC contact may hit).
  if (!quietNow()) await waitForMail(customer);

  const phone = await journey.newPage({
    viewport: { width: 390, height: 844 },
    storageState: await page.context().storageState(),
  });
  for (const [path, ready, name] of [
    ['/touchpoints', 'Touchpoints', 'distribution-07-phone-journey'],
    ['/contacts', 'Contacts', 'distribution-08-phone-contacts'],
    ['/invitations', 'Invitations', 'distribution-09-phone-invitations'],
    ['/import', 'Import interactions', 'distribution-10-phone-import'],
  ] as const) {
    await phone.goto(`${journey.app.url}${path}`);
    await phone.getByRole('heading', { name: ready, level: 1 }).waitFor();
    await phone.waitForLoadState('networkidle');
    await screenshot(phone, name);
  }
  await phone.goto(`${journey.app.url}/contacts`);
  await phone.getByRole('link', { name: 'Ada Lovelace' }).click();
  await phone.getByText('Interaction at parcel_delivered: invited by email').waitFor();
  await screenshot(phone, 'distribution-11-phone-contact');
}, 180_000);

/** The touchpoint's quiet hours (21:00–08:00, UTC for this contact). */
function quietNow() {
  const hour = new Date().getUTCHours();
  return hour >= 21 || hour < 8;
}
