import { systemContext } from '../../server/src/lib/context';
import { signUpOwner } from '../factories/accounts';
import { answerAsContact } from '../factories/feedback';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

test('a rule draft is tested against the last 30 days before it is saved', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  const ctx = systemContext({ organisationId: owner.organisationId, log: journey.app.harness.log });
  const late = await answerAsContact(ctx, 2);
  await late.comment('The technician came three hours late');
  await answerAsContact(ctx, 3);
  await answerAsContact(ctx, 10);

  const page = await journey.logIn(owner, 1280);
  await page.getByRole('link', { name: 'Alert rules' }).click();
  await page.getByRole('button', { name: 'New rule' }).click();
  const form = page.getByRole('form', { name: 'New alert rule' });
  await form.getByLabel('Rule name').fill('Late technicians');
  await form.getByRole('button', { name: 'Test against the last 30 days' }).click();
  await form.getByText('2 of 3 responses in the last 30 days would have fired this rule').waitFor();

  await form.getByLabel('Keywords in the comment').fill('late');
  await form.getByLabel('Keywords in the comment').press('Enter');
  await form.getByRole('button', { name: 'Test against the last 30 days' }).click();
  await form.getByText('1 of 3 responses in the last 30 days would have fired this rule').waitFor();
  await form.getByRole('cell', { name: 'The technician came three hours late' }).waitFor();
  await screenshot(page, 'alerts-01-rule-preview');
}, 120_000);
