import { systemContext } from '../../server/src/lib/context';
import { signUpOwner } from '../factories/accounts';
import { answerAsContact } from '../factories/feedback';
import { buildWebhookEndpoint } from '../factories/webhooks';
import { waitForMail } from '../setup/mail';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

test('a rule is created, a detractor answers, the case appears in the inbox, the agent replies and resolves, and the customer gets the mail', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  const page = await journey.logIn(owner, 1280);

  await page.getByRole('link', { name: 'Alert rules' }).click();
  await page.getByRole('heading', { name: 'Alert rules' }).waitFor();
  await page.getByText('No alert rules yet').waitFor();
  await page.getByRole('button', { name: 'New rule' }).click();
  const form = page.getByRole('form', { name: 'New alert rule' });
  await form.getByLabel('Rule name').fill('Detractors who said why');
  await form.getByLabel('Only when the customer left a comment').check();
  await form.getByLabel('Hours to resolve (SLA)').fill('8');
  await screenshot(page, 'loop-01-rule-editor');
  await form.getByRole('button', { name: 'Create rule' }).click();
  await page.getByText('Detractors who said why', { exact: true }).waitFor();
  await page.getByText('detractor and has a comment').waitFor();
  await screenshot(page, 'loop-02-rules');

  // A detractor answers through the responses service, as the respondent page does; the comment comes later.
  const ctx = systemContext({ organisationId: owner.organisationId, log: journey.app.harness.log });
  const answer = await answerAsContact(ctx, 2);
  await answer.comment('The technician never came and nobody called.');
  await journey.app.harness.eventsSettled();

  await page.getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('heading', { name: 'Cases' }).waitFor();
  const caseLink = page.getByRole('link', { name: 'Case 1' });
  await caseLink.waitFor();
  await page.getByText('“The technician never came and nobody called.”').waitFor();
  await screenshot(page, 'loop-03-inbox');

  await caseLink.click();
  await page.getByRole('heading', { name: 'Case 1' }).waitFor();
  const reply = page.getByRole('form', { name: 'Reply to the customer' });
  await reply.getByLabel('Subject').fill('About your repair visit');
  await reply
    .getByLabel('Message')
    .fill('We are sorry the technician did not come.\n\nAn engineer will be with you tomorrow at 9.');
  await reply.getByRole('button', { name: 'Reply & resolve' }).click();
  await page.getByText('Reply sent to').waitFor();
  await page.getByText('Resolved', { exact: true }).first().waitFor();
  await screenshot(page, 'loop-04-case-resolved');

  const [mail] = await waitForMail(answer.contact.email!);
  expect(mail!.subject).toBe('About your repair visit');
  expect(mail!.text).toContain('An engineer will be with you tomorrow at 9.');
  expect(mail!.headers['reply-to']).toBe(owner.email);

  // An endpoint with one delivered message (written directly: this machine has no public DNS).
  await buildWebhookEndpoint({ org: owner });
  await page.getByRole('link', { name: 'Webhooks' }).click();
  await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
  await page.getByText('https://hooks.example.com/pulse').waitFor();
  await page.getByText('delivered', { exact: true }).waitFor();
  await screenshot(page, 'loop-07-webhooks');

  // The same pages on a phone.
  const phone = await journey.logIn(owner, 390);
  await phone.goto(`${journey.app.url}/cases?view=all`);
  await phone.getByRole('link', { name: 'Case 1' }).waitFor();
  await screenshot(phone, 'loop-05-inbox-390');
  await phone.getByRole('link', { name: 'Case 1' }).click();
  await phone.getByRole('heading', { name: 'Case 1' }).waitFor();
  await screenshot(phone, 'loop-06-case-390');
}, 240_000);
