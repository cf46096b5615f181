import { signUpOwner, uniqueEmail } from '../factories/accounts';
import { buildTouchpoint } from '../factories/distribution';
import { waitForMail } from '../setup/mail';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

test('a teammate subscribes to a daily digest in their zone, gets a preview, and an admin adds a recipient', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  await buildTouchpoint({ org: owner.organisationId, key: 'repair' });
  const page = await journey.logIn(owner);

  await page.getByRole('link', { name: 'Digests' }).click();
  await page.getByRole('form', { name: 'My digest' }).waitFor();
  await screenshot(page, 'digests-00-empty');
  const mine = page.getByRole('form', { name: 'My digest' });
  await mine.getByText('Daily', { exact: true }).click();
  await mine.getByLabel('At').click();
  await page.getByRole('option', { name: '07:00' }).click();
  // A zone the server does not know is refused on its field.
  await mine.getByLabel('Time zone').fill('Asia/Atlantis');
  await mine.getByRole('button', { name: 'Subscribe' }).click();
  await mine.getByText('Must be an IANA time zone such as Europe/Paris').waitFor();
  await mine.getByLabel('Time zone').fill('Asia/Kolkata');
  await mine.getByRole('button', { name: 'Subscribe' }).click();
  await page.getByText(/Sent to .*Next one/).waitFor();

  await mine.getByRole('button', { name: 'Send me a preview now' }).click();
  await page.getByText(/A preview of the last day is on its way/).waitFor();
  const mails = await waitForMail(owner.email, 2);
  expect(mails.map((m) => m.subject)).toContainEqual(expect.stringMatching(/^Preview: Daily digest/));
  await screenshot(page, 'digests-01-my-digest');

  const email = uniqueEmail('board');
  const add = page.getByRole('form', { name: 'Add a recipient' });
  await add.getByLabel('Email address').fill(email);
  await add.getByRole('button', { name: 'Add recipient' }).click();
  await page.getByRole('cell', { name: email, exact: true }).waitFor();
  await screenshot(page, 'digests-02-recipients');
}, 90_000);
