import { systemContext } from '../../server/src/lib/context';
import { signUpOwner } from '../factories/accounts';
import { buildTouchpoint } from '../factories/distribution';
import { answerAsContact } from '../factories/feedback';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

test('an admin shares a results page, a stranger reads it without logging in, and a revoked link is gone', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  const ctx = systemContext({ organisationId: owner.organisationId, log: journey.app.harness.log });
  const repair = await buildTouchpoint({ org: owner.organisationId, key: 'repair_visit' });
  const nights = await buildTouchpoint({ org: owner.organisationId, key: 'night_shift' });
  for (const score of [10, 9, 9, 8, 3, 10, 10, 9, 7, 6, 10, 9])
    await answerAsContact(ctx, score, { touchpointId: repair.id });
  for (const score of [2, 4]) await answerAsContact(ctx, score, { touchpointId: nights.id });
  await journey.app.harness.eventsSettled();

  const admin = await journey.newPage({ viewport: { width: 1280, height: 900 } });
  await admin.goto(`${journey.app.url}/login`);
  await admin.getByLabel('Email').fill(owner.email);
  await admin.getByLabel('Password').fill(owner.password);
  await admin.getByRole('button', { name: 'Log in' }).click();
  await admin.getByRole('heading', { name: /Welcome to Pulse/ }).waitFor();
  await admin.getByRole('link', { name: 'Shared results' }).click();
  await admin.getByLabel('Page name').fill('Board, December');
  await admin.getByLabel('Link expires').selectOption('7d');
  await admin.getByRole('button', { name: 'Create link' }).click();
  const url = (await admin.getByTestId('shared-link-url').textContent())!.trim();
  await admin.getByRole('cell', { name: 'Board, December', exact: true }).waitFor();
  await screenshot(admin, 'shared-results-01-admin');

  for (const [width, height, name] of [
    [1280, 900, 'shared-results-02-public-desktop'],
    [390, 844, 'shared-results-03-public-phone'],
  ] as const) {
    const stranger = await journey.newPage({ viewport: { width, height } });
    await stranger.goto(url);
    await stranger.getByRole('heading', { name: 'Board, December' }).waitFor();
    await stranger.getByText('Hidden: fewer than 5 responses').waitFor();
    // The overall counts the shown touchpoint only: both read n = 12, the hidden two are left out.
    await stranger
      .getByText(/95% CI .* · n = 12/)
      .first()
      .waitFor();
    expect(await stranger.getByText(/95% CI .* · n = 12/).count()).toBe(2);
    await screenshot(stranger, name);
    await stranger.context().close();
  }

  await admin.getByRole('button', { name: 'Revoke Board, December' }).click();
  await admin.getByText('Revoked').waitFor();
  const late = await journey.newPage();
  await late.goto(url);
  await late.getByRole('heading', { name: 'This page is not available' }).waitFor();
}, 240_000);
