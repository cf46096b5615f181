import request from 'supertest';

import { systemContext } from '../../server/src/lib/context';
import { seedRollups } from '../../server/src/modules/analytics/rollups.rebuild';
import { SurveyInvitationModel } from '../../server/src/modules/invitations/invitation.model';
import { demoObservations } from '../../scripts/lib/analytics-demo';
import { uniqueEmail } from '../factories/accounts';
import { buildDistribution } from '../factories/distribution';
import { linksIn, waitForMail } from '../setup/mail';
import { until } from '../setup/until';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

test('a system posts an interaction, the customer clicks a score in the one mail, and the open dashboard shows it without a reload', async () => {
  const d = await buildDistribution(journey.app.harness);
  const ctx = systemContext({ organisationId: d.owner.organisationId, log: journey.app.harness.log });
  // A year of earlier answers at this touchpoint, so the card shows a score and its n.
  const history = demoObservations({ count: 600, end: new Date(), surveyId: d.survey.id, idPrefix: 'hist' }).map(
    (o) => ({ ...o, touchpointId: d.touchpoint.id, channel: 'email' }),
  );
  await seedRollups(ctx, history, 'UTC');

  const page = await journey.logIn(d.owner);
  await page.goto(`${journey.app.url}/analytics?touchpointId=${d.touchpoint.id}`);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  const nOf = () =>
    page.evaluate(async (tp) => {
      const res = await fetch(`/api/v1/metrics?touchpointId=${tp}`);
      return ((await res.json()) as { figure: { n: number } }).figure.n;
    }, d.touchpoint.id);
  const before = await nOf();
  const headline = (n: number) => page.getByText(new RegExp(`n = ${n.toLocaleString('en')}\\b`)).first();
  await headline(before).waitFor();

  // The customer's system reports the interaction; Pulse sends one survey mail.
  const email = uniqueEmail('customer');
  await request(journey.app.harness.app)
    .post('/api/v1/interactions')
    .set(d.auth)
    .send({ touchpoint: d.touchpoint.key, contact: { email, name: 'Ada' } })
    .expect(200);
  const [mail] = await waitForMail(email);
  await until(
    () => SurveyInvitationModel.findOne({ organisationId: d.owner.organisationId }).lean(),
    (inv) => inv?.state === 'sent',
  );
  const ten = linksIn(mail!).find((l) => new URL(l).searchParams.get('score') === '10')!;

  // One click, on a phone: the page's script confirms the score.
  const phone = await journey.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(ten.replace(/^https?:\/\/[^/]+/, journey.app.url));
  await phone.getByRole('status').getByText('Your score is saved.').waitFor();
  await screenshot(phone, 'analytics-journey-01-customer-phone');

  // The dashboard, still open, counts it: pushed over SSE, no reload.
  await headline(before + 1).waitFor({ timeout: 30_000 });
  expect(await nOf()).toBe(before + 1);

  // The reason they give appears in the verbatims beside it, still without a reload.
  await phone.getByLabel('What is the main reason for your score?').fill('Quick and friendly =1+1');
  await phone.getByRole('button', { name: 'Send' }).click();
  await phone.getByRole('heading', { name: 'Thank you!' }).waitFor();
  await page.getByRole('heading', { name: 'Verbatims' }).waitFor();
  await page.getByText('Quick and friendly =1+1').waitFor({ timeout: 30_000 });
  await page.getByText('10 · promoter').first().waitFor();
  await screenshot(page, 'analytics-journey-02-dashboard-desktop');

  const managerPhone = await journey.newPage({
    viewport: { width: 390, height: 844 },
    storageState: await page.context().storageState(),
  });
  await managerPhone.goto(`${journey.app.url}/analytics?touchpointId=${d.touchpoint.id}`);
  await managerPhone
    .getByText(new RegExp(`n = ${(before + 1).toLocaleString('en')}\\b`))
    .first()
    .waitFor();
  await screenshot(managerPhone, 'analytics-journey-03-dashboard-phone');
}, 180_000);
