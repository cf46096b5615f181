import type { BrowserContext, Page } from 'playwright-core';

import { linksIn, waitForMail } from '../setup/mail';
import { axeViolations, describeViolations, type AxeException } from './support/axe';
import { signUpAndLogIn } from './support/sign-up';
import { useBrowserJourney } from './support/journey';

/**
 * Every page and dialog, at desktop and phone widths, checked by axe-core against WCAG 2.1 AA.
 * axe finds what a machine can (names, roles, contrast, landmarks, heading order); keyboard
 * paths and screen-reader wording still need a person.
 */

// No exceptions: every violation found so far has been fixed in the client.
const EXCEPTIONS: AxeException[] = [];

const journey = useBrowserJourney();
let ownerCookie: string;
let invitationToken: string;
let surveyId: string;
let contactId: string;

const stamp = Date.now();
const owner = { name: 'Ada Access', email: `ada-${stamp}@example.test`, password: 'a long owner password' };
const invitee = `ivo-${stamp}@example.test`;

beforeAll(async () => {
  // Data over the API, so every table has rows and the invitation page has a real invitation.
  const signup = await signUpAndLogIn(journey.app.url, { ...owner, organisationName: 'Fabrikam Parcels' });
  ownerCookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  expect((await post('/api/v1/invitations', { email: invitee, role: 'editor' }, ownerCookie)).status).toBe(201);
  const key = await post('/api/v1/api-keys', { name: 'Warehouse sync', scopes: ['interactions:write'] }, ownerCookie);
  expect(key.status).toBe(201);
  const survey = await post(
    '/api/v1/surveys',
    { name: 'Post-support CSAT', templateId: 'post-support-csat' },
    ownerCookie,
  );
  expect(survey.status).toBe(201);
  surveyId = ((await survey.json()) as { survey: { id: string } }).survey.id;
  // A touchpoint asking that survey and one interaction, so the journey, log and timeline have content.
  const touchpoint = await post(
    '/api/v1/touchpoints',
    { key: 'ticket_closed', name: 'Ticket closed', stage: 'Support', rules: { surveyId } },
    ownerCookie,
  );
  expect(touchpoint.status).toBe(201);
  const ingest = await fetch(`${journey.app.url}/api/v1/interactions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${((await key.json()) as { secret: string }).secret}`,
    },
    body: JSON.stringify({
      touchpoint: 'ticket_closed',
      contact: { email: `cleo-${stamp}@example.test`, name: 'Cleo Contact', attributes: { plan: 'pro' } },
    }),
  });
  expect(ingest.status).toBe(200);
  contactId = ((await ingest.json()) as { decisions: Array<{ contactId: string }> }).decisions[0]!.contactId;
  const [invitation] = await waitForMail(invitee);
  const link = linksIn(invitation!).find((l) => l.includes('/accept-invite?token='))!;
  invitationToken = new URL(link).searchParams.get('token')!;
}, 240_000);

interface Screen {
  /** What is checked, as the test name reads. */
  name: string;
  path: string;
  signedIn: boolean;
  /** Resolves once the page shows what is to be checked, with no transition still running. */
  ready: (page: Page) => Promise<void>;
}

const heading = (name: string | RegExp) => async (page: Page) => {
  await page.getByRole('heading', { name, level: 1 }).waitFor();
};
const dialog = (opener: string, title: string) => async (page: Page) => {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: opener }).click();
  await page.getByRole('dialog', { name: title }).waitFor();
};

const signedUp = async (page: Page) => {
  await heading('Create your Pulse account')(page);
  await page.getByLabel('Name', { exact: true }).fill('Axe Checker');
  await page.getByLabel('Work email').fill(`axe-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.test`);
  await page.getByLabel('Password', { exact: true }).fill('a long checker password');
  await page.getByLabel('Organisation name').fill('Checked Parcels');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('Check your inbox').waitFor();
};

const SCREENS: Screen[] = [
  { name: 'log in', path: '/login', signedIn: false, ready: heading('Log in to Pulse') },
  { name: 'sign up', path: '/signup', signedIn: false, ready: heading('Create your Pulse account') },
  { name: 'forgot password', path: '/forgot-password', signedIn: false, ready: heading('Reset your password') },
  { name: 'reset password', path: '/reset-password?token=x', signedIn: false, ready: heading('Choose a new password') },
  {
    name: 'verify email, with a token that does not verify',
    path: '/verify-email?token=x',
    signedIn: false,
    ready: async (page) => {
      await page.getByText('We could not verify your email').waitFor();
    },
  },
  {
    name: 'accept invitation',
    path: '/accept-invite?token=INVITATION',
    signedIn: false,
    ready: async (page) => {
      await page.getByRole('button', { name: 'Join organisation' }).waitFor();
    },
  },
  { name: 'home', path: '/', signedIn: true, ready: heading(/Welcome to Pulse/) },
  { name: 'members', path: '/members', signedIn: true, ready: heading('Members') },
  { name: 'API keys', path: '/api-keys', signedIn: true, ready: heading('API keys') },
  { name: 'settings', path: '/settings', signedIn: true, ready: heading('Settings') },
  { name: 'audit log', path: '/audit-log', signedIn: true, ready: heading('Audit log') },
  { name: 'outbox', path: '/outbox', signedIn: true, ready: heading('Outbox') },
  { name: 'digest settings', path: '/digests', signedIn: true, ready: heading('Digests') },
  { name: 'surveys', path: '/surveys', signedIn: true, ready: heading('Surveys') },
  { name: 'new survey: template gallery', path: '/surveys/new', signedIn: true, ready: heading('New survey') },
  ...(['Question', 'Follow-ups', 'Thank-you', 'Translations', 'Branding & email'] as const).map((tab) => ({
    name: `survey builder, ${tab} tab, with its live preview`,
    path: '/surveys/SURVEY',
    signedIn: true,
    ready: async (page: Page) => {
      await heading('Post-support CSAT')(page);
      await page.getByRole('tab', { name: tab }).click();
      await page.frameLocator('[data-testid="survey-preview"]').getByRole('button').first().waitFor();
    },
  })),
  {
    name: 'survey builder, with its survey email preview',
    path: '/surveys/SURVEY',
    signedIn: true,
    ready: async (page: Page) => {
      await heading('Post-support CSAT')(page);
      await page.getByRole('tab', { name: 'Email', exact: true }).click();
      await page.getByTestId('survey-email-subject').waitFor();
    },
  },
  { name: 'sign up, after sending: check your inbox', path: '/signup', signedIn: false, ready: signedUp },
  { name: 'touchpoints journey', path: '/touchpoints', signedIn: true, ready: heading('Touchpoints') },
  { name: 'contacts', path: '/contacts', signedIn: true, ready: heading('Contacts') },
  {
    name: 'contact with timeline',
    path: '/contacts/CONTACT',
    signedIn: true,
    ready: async (page) => {
      await heading('Cleo Contact')(page);
      await page.getByText('Interaction at ticket_closed').waitFor();
    },
  },
  { name: 'invitations log', path: '/invitations', signedIn: true, ready: heading('Invitations') },
  { name: 'CSV import', path: '/import', signedIn: true, ready: heading('Import interactions') },
  { name: 'page not found', path: '/no-such-page', signedIn: true, ready: heading('Page not found') },
  {
    name: 'invite teammate dialog',
    path: '/members',
    signedIn: true,
    ready: dialog('Invite teammate', 'Invite a teammate'),
  },
  {
    name: 'touchpoint rules dialog',
    path: '/touchpoints',
    signedIn: true,
    ready: async (page) => {
      await heading('Touchpoints')(page);
      await page.getByRole('button', { name: 'Edit rules of Ticket closed' }).click();
      await page.getByRole('dialog', { name: 'Edit Ticket closed' }).waitFor();
    },
  },
  {
    name: 'erase contact confirmation',
    path: '/contacts/CONTACT',
    signedIn: true,
    ready: dialog('Erase personal data', 'Erase this person’s personal data?'),
  },
  {
    name: 'create API key dialog',
    path: '/api-keys',
    signedIn: true,
    ready: dialog('Create API key', 'Create an API key'),
  },
  {
    name: 'created API key dialog, showing the secret',
    path: '/api-keys',
    signedIn: true,
    ready: async (page) => {
      await dialog('Create API key', 'Create an API key')(page);
      await page.getByLabel('Key name').fill('Accessibility check');
      await page.getByRole('button', { name: 'Create key' }).click();
      await page.getByTestId('api-key-secret').waitFor();
    },
  },
];

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
  let signedOut: BrowserContext;
  let signedIn: BrowserContext;
  beforeAll(async () => {
    // axe is injected as an inline script, which the app's Content-Security-Policy would refuse.
    signedOut = await journey.browser.newContext({ viewport, bypassCSP: true });
    signedIn = await journey.browser.newContext({ viewport, bypassCSP: true });
    await signedIn.addCookies(
      ownerCookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name!, value: value.join('='), url: journey.app.url };
      }),
    );
  });
  afterAll(async () => {
    await signedOut?.close();
    await signedIn?.close();
  });

  test.each(SCREENS)(
    '$name ($path) has no WCAG 2.1 AA violations',
    async (screen) => {
      const page = await (screen.signedIn ? signedIn : signedOut).newPage();
      try {
        await page.goto(
          `${journey.app.url}${screen.path.replace('INVITATION', invitationToken).replace('SURVEY', surveyId).replace('CONTACT', contactId)}`,
        );
        await screen.ready(page);
        await settled(page);
        const report = describeViolations(await axeViolations(page, EXCEPTIONS));
        if (report) throw new Error(`axe found WCAG 2.1 AA violations on ${screen.path}:\n${report}`);
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});

describe('focus stays visible (WCAG 2.4.7)', () => {
  test('on log-in the email field has focus on arrival and shows a ring of at least 2 px, and so do the next controls', async () => {
    const context = await journey.browser.newContext({ viewport: VIEWPORTS[0] });
    const page = await context.newPage();
    try {
      await page.goto(`${journey.app.url}/login`);
      await page.getByRole('heading', { name: 'Log in to Pulse', level: 1 }).waitFor();
      const email = page.getByLabel('Email', { exact: true });
      expect(await email.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      expect(await focusRing(email)).toEqual({ style: 'solid', atLeast2px: true, differsFromPage: true });
      // Tab onwards: the password field and the submit button show the same kind of ring.
      await page.keyboard.press('Tab');
      expect(await focusRing(page.getByLabel('Password', { exact: true }))).toEqual({
        style: 'solid',
        atLeast2px: true,
        differsFromPage: true,
      });
      await page.getByRole('button', { name: 'Log in' }).focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      expect(await focusRing(page.getByRole('button', { name: 'Log in' }))).toMatchObject({ atLeast2px: true });
    } finally {
      await context.close();
    }
  });
});

/** The focused element's outline, as the browser computes it. */
function focusRing(locator: ReturnType<Page['locator']>) {
  return locator.evaluate((el) => {
    const view = el.ownerDocument.defaultView!;
    const style = view.getComputedStyle(el);
    const background = view.getComputedStyle(el.ownerDocument.body).backgroundColor;
    return {
      style: style.outlineStyle,
      atLeast2px: parseFloat(style.outlineWidth) >= 2,
      differsFromPage: style.outlineColor !== background && style.outlineColor !== 'rgba(0, 0, 0, 0)',
    };
  });
}

/** Waits out fades and slides (modals open with one), so contrast is measured on the final colours. */
async function settled(page: Page) {
  await page.locator('body').evaluate(async (body) => {
    // Typed by hand: the root tsconfig has no DOM library, and this runs in the page.
    const running = (body.ownerDocument as unknown as { getAnimations(): WebAnimation[] }).getAnimations();
    const finite = running.filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

interface WebAnimation {
  effect: { getComputedTiming(): { iterations?: number } } | null;
  finished: Promise<unknown>;
}

/** A JSON POST from outside the browser, as another system or person would make it. */
const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${journey.app.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
