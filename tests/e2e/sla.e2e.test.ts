import { systemContext } from '../../server/src/lib/context';
import { signUpOwner } from '../factories/accounts';
import { buildTouchpoint } from '../factories/distribution';
import { answerAsContact } from '../factories/feedback';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

test('an admin sets business hours and a policy; a case on it shows its due times and both clocks', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  const touchpoint = await buildTouchpoint({ org: owner.organisationId });
  const page = await journey.logIn(owner);

  await page.getByRole('link', { name: 'SLA policies' }).click();
  await page.getByText('No SLA policies yet').waitFor();
  const hours = page.getByRole('form', { name: 'Business hours' });
  await hours.getByLabel('Time zone').fill('Asia/Kolkata');
  await hours.getByLabel('Saturday').fill('10:00–14:00');
  await hours.getByRole('button', { name: 'Save business hours' }).click();
  await page.waitForResponse((r) => r.url().endsWith('/api/v1/sla/calendar') && r.request().method() === 'GET');

  await page.getByRole('button', { name: 'New policy' }).click();
  const form = page.getByRole('form', { name: 'New SLA policy' });
  await form.getByLabel('Policy name').fill('Repairs');
  await form.getByLabel('Resolution within (hours)').fill('0');
  await form.getByRole('button', { name: 'Create policy' }).click();
  await form.getByText('Must be more than zero').waitFor();
  await form.getByLabel('Resolution within (hours)').fill('8');
  await screenshot(page, 'sla-01-policy-editor');
  await form.getByRole('button', { name: 'Create policy' }).click();
  await page.getByText('Repairs', { exact: true }).waitFor();
  await page.getByText('at 75%: notify assignee; at breach: notify admins').waitFor();
  await screenshot(page, 'sla-02-policies');

  const ctx = systemContext({ organisationId: owner.organisationId, log: journey.app.harness.log });
  const answer = await answerAsContact(ctx, 2, { touchpointId: touchpoint.id });
  const opened = await owner.agent.post('/api/v1/cases').send({ responseId: answer.responseId }).expect(201);
  await page.goto(`${journey.app.url}/cases/${opened.body.case.id}`);
  const sla = page.getByRole('region', { name: 'SLA' });
  await sla.getByText('Business hours', { exact: true }).waitFor();
  await sla.getByText('Open in business hours').waitFor();
  await screenshot(page, 'sla-03-case');
});
