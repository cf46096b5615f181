import { systemContext } from '../../server/src/lib/context';
import { signUpOwner } from '../factories/accounts';
import { answerAs } from '../factories/closed-loop';
import { buildContact, buildTouchpoint } from '../factories/distribution';
import { buildSurvey } from '../factories/surveys';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

test('a manager reads "did it work?" for a touchpoint, on a desktop and on a phone', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  const ctx = systemContext({ organisationId: owner.organisationId, log: journey.app.harness.log });
  const survey = await buildSurvey({ org: owner.organisationId, kind: 'nps' });
  const repair = await buildTouchpoint({ org: owner.organisationId, key: 'repair_visit' });
  const billing = await buildTouchpoint({ org: owner.organisationId, key: 'billing' });
  // Eight followed-up detractors (six come back better) and eight left alone (two do).
  for (let i = 0; i < 16; i++) {
    const contact = (await buildContact({ org: owner.organisationId })).id;
    const tp = i % 4 === 0 ? billing.id : repair.id;
    const responseId = await answerAs(ctx, survey, contact, i % 7, tp);
    if (i < 8) {
      const c = (await owner.agent.post('/api/v1/cases').send({ responseId }).expect(201)).body.case;
      await owner.agent.post(`/api/v1/cases/${c.id}/close`).send({ rootCause: 'service', resolved: true }).expect(200);
    }
    await answerAs(ctx, survey, contact, i < 8 ? (i < 6 ? 9 : 3) : i < 10 ? 8 : 2, tp);
  }

  const page = await journey.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${journey.app.url}/login`);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: /Welcome to Pulse/ }).waitFor();

  await page.getByRole('link', { name: 'Closed loop' }).click();
  await page.getByRole('heading', { name: 'Closed loop' }).waitFor();
  await page.getByText('Closed loop (case closed)').waitFor();
  // 6 of 8 followed-up customers came back better; every share shows its n and interval.
  await page
    .getByText(/6 of 8 · 95% CI/)
    .first()
    .waitFor();
  await page
    .getByText(/2 of 8 · 95% CI/)
    .first()
    .waitFor();
  await screenshot(page, 'closed-loop-01-desktop');

  await page.getByLabel('Touchpoint').selectOption({ label: 'Touchpoint billing' });
  await page.waitForURL(new RegExp(`touchpointId=${billing.id}`));
  await page.getByRole('cell', { name: 'Touchpoint billing' }).waitFor();
  await page.getByRole('cell', { name: 'Touchpoint repair_visit' }).waitFor({ state: 'detached' });

  const phone = await journey.newPage({
    viewport: { width: 390, height: 844 },
    storageState: await page.context().storageState(),
  });
  await phone.goto(`${journey.app.url}/closed-loop`);
  await phone.getByText('Closed loop (case closed)').waitFor();
  await screenshot(phone, 'closed-loop-02-phone');
}, 240_000);
