import { WebhookEndpointModel } from '../../server/src/modules/webhooks/webhook-endpoint.model';
import { signUpOwner } from '../factories/accounts';
import { buildTouchpoint } from '../factories/distribution';
import { buildWebhookEndpoint } from '../factories/webhooks';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

test('a disabled endpoint shows why and can be enabled again; rotating its secret shows the new one once', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  const { endpointId } = await buildWebhookEndpoint({ org: owner });
  await WebhookEndpointModel.updateOne(
    { _id: endpointId, organisationId: owner.organisationId },
    { $set: { enabled: false, disabledReason: 'Every delivery failed since 2026-11-28 (3+ days)' } },
  );
  const page = await journey.logIn(owner, 1280);
  await page.goto(`${journey.app.url}/webhooks`);
  await page.getByText('Every delivery failed since 2026-11-28 (3+ days)').waitFor();
  await page.getByText('Disabled', { exact: true }).waitFor();
  await screenshot(page, 'webhook-01-disabled');

  const phone = await journey.logIn(owner, 390);
  await phone.goto(`${journey.app.url}/webhooks`);
  await phone.getByRole('button', { name: 'Rotate secret' }).waitFor();
  await screenshot(phone, 'webhook-03-disabled-390');

  await page.getByRole('button', { name: 'Rotate secret' }).click();
  const secret = await page.getByLabel('The new secret').textContent();
  expect(secret).toMatch(/^whsec_/);
  await screenshot(page, 'webhook-02-rotated');
  await page.getByRole('button', { name: 'I’ve saved the secret' }).click();
  await page.getByText(/Signed with the new and the previous secret until/).waitFor();

  await page.getByRole('button', { name: 'Enable again' }).click();
  await page.getByRole('button', { name: 'Enable again' }).waitFor({ state: 'detached' });
  const stored = await WebhookEndpointModel.findOne({ _id: endpointId, organisationId: owner.organisationId }).lean();
  expect(stored).toMatchObject({
    enabled: true,
    disabledReason: null,
    previousSecret: expect.stringMatching(/^whsec_/),
  });
  expect(stored!.secret).toBe(secret);
  await screenshot(page, 'webhook-04-enabled');
}, 240_000);

test('an endpoint limited to touchpoints names them, and the form offers the touchpoints to choose', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  const repair = await buildTouchpoint({ org: owner });
  await buildTouchpoint({ org: owner });
  const { endpointId } = await buildWebhookEndpoint({ org: owner });
  await WebhookEndpointModel.updateOne(
    { _id: endpointId, organisationId: owner.organisationId },
    { $set: { touchpointIds: [repair.id] } },
  );
  const page = await journey.logIn(owner, 1280);
  await page.goto(`${journey.app.url}/webhooks`);
  await page.getByText(`Only about Touchpoint ${repair.key}`).waitFor();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await page.getByRole('combobox', { name: 'Touchpoints' }).click();
  await page.getByRole('option', { name: `Touchpoint ${repair.key}` }).waitFor();
  await screenshot(page, 'webhook-05-touchpoint-options');
  await page.getByRole('option', { name: `Touchpoint ${repair.key}` }).click();
  await screenshot(page, 'webhook-06-touchpoint-chosen');
}, 240_000);
