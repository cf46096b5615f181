import { ContactModel } from '../../server/src/modules/contacts/contact.model';
import { ResponseModel } from '../../server/src/modules/responses/response.model';
import { signUpOwner } from '../factories/accounts';
import { buildContact, buildTouchpoint } from '../factories/distribution';
import { buildSurvey } from '../factories/surveys';
import { blankDefinition } from '@pulse/shared/surveys/blank';
import { buildInvitation } from '../factories/responses';
import { linksIn, waitForMail } from '../setup/mail';
import { axeViolations, describeViolations } from './support/axe';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';
import { sendSurveyMail } from './support/survey-mail';

// A person in a browser may answer a web link within the bot threshold; web-link.test.ts covers it.
const journey = useBrowserJourney({ WEB_SURVEY_MIN_SECONDS: '0' });
let org: string;
beforeAll(async () => {
  org = (await signUpOwner(journey.app.harness.app)).organisationId;
}, 60_000);

async function mailedInvitation() {
  const contact = await buildContact({ org, attributes: { plan: 'pro' } });
  const invitation = await buildInvitation({
    org,
    secretKey: journey.app.harness.config.SECRET_KEY,
    contact: { id: contact.id, email: contact.email },
  });
  await sendSurveyMail({
    smtpUrl: journey.app.harness.config.SMTP_URL,
    baseUrl: journey.app.url,
    invitation,
    to: contact.email!,
  });
  const [mail] = await waitForMail(contact.email!);
  return { invitation, contact, mail: mail! };
}

const responseOf = (id: string) => ResponseModel.findOne({ organisationId: org, _id: id }).lean();

async function expectAccessible(page: import('playwright-core').Page, name: string) {
  const violations = await axeViolations(page);
  expect({ page: name, violations: describeViolations(violations) }).toEqual({ page: name, violations: '' });
}

describe.each([
  ['with JavaScript', true],
  ['with JavaScript disabled', false],
])('answering from the survey email %s', (_label, javaScriptEnabled) => {
  it('opens the mail, clicks a score, answers the follow-up, sees the thank-you; the response is stored right', async () => {
    const { invitation, mail } = await mailedInvitation();
    const scoreLink = linksIn(mail).find((l) => l.includes('/r/') && l.endsWith('score=3'));
    expect(scoreLink).toBeDefined();
    const context = await journey.browser.newContext({
      javaScriptEnabled,
      bypassCSP: true,
      viewport: { width: 390, height: 844 },
    });
    const mailPage = await context.newPage();
    try {
      // The email as the catcher received it, opened in the browser; its score buttons open a new tab.
      await mailPage.setContent(mail.html!);
      const [page] = await Promise.all([context.waitForEvent('page'), mailPage.click(`a[href="${scoreLink}"]`)]);
      await page.waitForLoadState();
      await page.getByLabel('What is the main reason for your score?').waitFor();
      if (javaScriptEnabled) {
        await page.getByRole('status').getByText('Your score is saved.').waitFor();
        expect(await responseOf(invitation.id)).toMatchObject({ state: 'confirmed', score: 3 });
      } else {
        expect(await responseOf(invitation.id)).toMatchObject({ state: 'provisional', score: 3 });
      }
      await screenshot(page, `respondent-follow-ups-${javaScriptEnabled ? 'js' : 'nojs'}`);
      if (javaScriptEnabled) await expectAccessible(page, 'follow-ups');
      await page.getByLabel('What is the main reason for your score?').fill('The parcel came <b>late</b>');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
      await screenshot(page, `respondent-thank-you-${javaScriptEnabled ? 'js' : 'nojs'}`);
      if (javaScriptEnabled) await expectAccessible(page, 'thank-you');
      const stored = await responseOf(invitation.id);
      expect(stored).toMatchObject({
        state: 'confirmed',
        score: 3,
        band: 'detractor',
        channel: 'email',
        surveyVersion: 1,
        touchpointKey: invitation.touchpoint.key,
        comment: 'The parcel came <b>late</b>',
      });
      expect(String(stored!.touchpointId)).toBe(invitation.touchpoint.id);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('a mail scanner', () => {
  it('following every link in the survey mail without scripts leaves no confirmed response and the contact subscribed', async () => {
    const { invitation, contact, mail } = await mailedInvitation();
    const links = [
      ...new Set([...linksIn(mail), ...[...(mail.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)]),
    ]
      .map((l) => l.replace(/&amp;/g, '&'))
      .filter((l) => l.startsWith(journey.app.url));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) await fetch(link, { redirect: 'follow' });
    const stored = await responseOf(invitation.id);
    expect(stored?.state ?? 'none').not.toBe('confirmed');
    const person = await ContactModel.findOne({ organisationId: org, _id: contact.id }).lean();
    expect(person!.suppression).toBeNull();
  }, 60_000);
});

describe('respondent pages', () => {
  it('the score page and an unknown link pass axe at phone size', async () => {
    const context = await journey.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      const { invitation } = await mailedInvitation();
      await page.goto(`${journey.app.url}/r/${invitation.token}`);
      await page.getByRole('radio', { name: '10 out of 10' }).waitFor({ state: 'attached' });
      await expectAccessible(page, 'score');
      await screenshot(page, 'respondent-score');
      await page.goto(`${journey.app.url}/r/inv_000000000000000000000000_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`);
      await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
      await expectAccessible(page, 'invalid link');
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the other respondent pages', () => {
  it('an expired link, the unsubscribe confirmation and a web link (score, follow-up, thank-you) pass axe at phone size', async () => {
    const context = await journey.browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      const expired = await buildInvitation({
        org,
        secretKey: journey.app.harness.config.SECRET_KEY,
        expiresAt: new Date(Date.now() - 60_000),
      });
      await page.goto(`${journey.app.url}/r/${expired.token}?score=9`);
      await page.getByRole('heading', { name: 'This survey has closed' }).waitFor();
      await expectAccessible(page, 'expired link');
      await screenshot(page, 'respondent-expired');

      const { mail, contact } = await mailedInvitation();
      const unsubscribe = linksIn(mail).find((l) => l.includes('/u/'));
      expect(unsubscribe).toBeDefined();
      await page.goto(unsubscribe!);
      await page.getByRole('heading', { name: 'Unsubscribe from survey emails?' }).waitFor();
      await expectAccessible(page, 'unsubscribe');
      await screenshot(page, 'respondent-unsubscribe');
      // Looking is not unsubscribing.
      expect((await ContactModel.findOne({ organisationId: org, _id: contact.id }).lean())!.suppression).toBeNull();

      const survey = await buildSurvey({
        org,
        definition: { ...blankDefinition('nps'), hiddenFields: [{ name: 'orderId' }] },
      });
      const touchpoint = await buildTouchpoint({ org, key: 'receipt-qr', rules: { surveyId: survey.id } });
      await page.goto(`${journey.app.url}/s/${survey.key}?touchpoint=${touchpoint.key}&channel=kiosk&orderId=R-88`);
      await page.getByRole('radio', { name: '8 out of 10' }).waitFor({ state: 'attached' });
      await expectAccessible(page, 'web link score');
      await screenshot(page, 'respondent-web-link-score');
      await page.getByRole('radio', { name: '8 out of 10' }).check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByLabel('What is the main reason for your score?').fill('Quick and easy');
      await expectAccessible(page, 'web link follow-ups');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
      await expectAccessible(page, 'web link thank-you');
      const stored = await ResponseModel.find({ organisationId: org, surveyId: survey.id }).lean();
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        channel: 'kiosk',
        touchpointKey: 'receipt-qr',
        surveyVersion: 1,
        score: 8,
        state: 'confirmed',
        hidden: { orderId: 'R-88' },
        comment: 'Quick and easy',
      });
    } finally {
      await context.close();
    }
  }, 90_000);
});
