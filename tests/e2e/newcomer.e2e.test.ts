import type { BrowserContext, Page } from 'playwright-core';

import { UserModel } from '../../server/src/modules/auth/user.model';
import { MembershipModel } from '../../server/src/modules/members/membership.model';
import { OrganisationModel } from '../../server/src/modules/organisations/organisation.model';
import { linksIn, waitForMail } from '../setup/mail';
import { SHOTS, screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';
import { signUpAndLogIn } from './support/sign-up';

/**
 * The rough edges a new user tripped on (issue 7), walked through at desktop and phone sizes.
 * Screenshots are named newcomer-<SHOTS_SET>-…, so a "before" and an "after" set sit side by side.
 */
const SET = process.env.SHOTS_SET ?? 'after';
const shot = (page: Page, name: string) => screenshot(page, `newcomer-${SET}-${name}`);

const journey = useBrowserJourney();
const stamp = Date.now();
const owner = { name: 'Nora Newcomer', email: `nora-${stamp}@example.test`, password: 'a long owner password' };
const editor = { name: 'Eddie Editor', email: `eddie-${stamp}@example.test`, password: 'a long editor password' };
let ownerCookie: string;
let editorCookie: string;

beforeAll(async () => {
  ownerCookie = cookieOf(await signUpAndLogIn(journey.app.url, { ...owner, organisationName: 'Northwind Deliveries' }));
  expect((await post('/api/v1/invitations', { email: editor.email, role: 'editor' }, ownerCookie)).status).toBe(201);
  const [mail] = await waitForMail(editor.email);
  const token = new URL(linksIn(mail!).find((l) => l.includes('/accept-invite?token='))!).searchParams.get('token');
  const accepted = await post('/api/v1/invitations/accept', { token, name: editor.name, password: editor.password });
  expect(accepted.status).toBe(200);
  editorCookie = cookieOf(accepted);
  expect(
    (await post('/api/v1/invitations', { email: `pending-${stamp}@example.test`, role: 'admin' }, ownerCookie)).status,
  ).toBe(201);
  expect(
    (
      await post(
        '/api/v1/api-keys',
        { name: 'Warehouse sync', scopes: ['interactions:write', 'responses:read', 'surveys:read'] },
        ownerCookie,
      )
    ).status,
  ).toBe(201);
}, 120_000);

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function pageAs(cookie: string | null, viewport = DESKTOP): Promise<Page> {
  const context: BrowserContext = await journey.browser.newContext({ viewport });
  if (cookie) await context.addCookies(cookiesFor(cookie));
  return context.newPage();
}

test('before/after tour of the screens a newcomer tripped on', async () => {
  const out = await pageAs(null);
  await out.goto(`${journey.app.url}/login`);
  await out.getByRole('heading', { name: 'Log in to Pulse' }).waitFor();
  // The email field has focus on arrival, and its ring shows it.
  await shot(out, 'login-focus');
  await out.goto(`${journey.app.url}/signup`);
  await out.getByRole('heading', { name: 'Create your Pulse account' }).waitFor();
  await shot(out, 'signup');

  const ownerDesk = await pageAs(ownerCookie);
  for (const [path, name] of [
    ['/', 'home-owner'],
    ['/members', 'members'],
    ['/settings', 'settings-owner'],
    ['/audit-log', 'audit-log'],
    ['/outbox', 'outbox'],
    ['/no-such-page', 'not-found'],
  ] as const) {
    await ownerDesk.goto(`${journey.app.url}${path}`);
    await ownerDesk.getByRole('heading', { level: 1 }).waitFor();
    await ownerDesk.waitForLoadState('networkidle');
    await shot(ownerDesk, name);
  }
  await ownerDesk.goto(`${journey.app.url}/members`);
  await ownerDesk.getByRole('heading', { level: 1 }).waitFor();
  await ownerDesk.getByRole('button', { name: /account menu/ }).click();
  await ownerDesk.getByRole('menu').waitFor();
  await ownerDesk.waitForTimeout(300);
  await shot(ownerDesk, 'user-menu');
  await ownerDesk.goto(`${journey.app.url}/api/docs`);
  // Swagger UI is a large bundle; on a busy machine it takes a while to render.
  await ownerDesk.getByText('Servers').first().waitFor({ timeout: 90_000 });
  // The docs page is long: the top, with its server list, is what matters here.
  await ownerDesk.screenshot({ path: `${SHOTS}/newcomer-${SET}-api-docs.png` });

  const editorDesk = await pageAs(editorCookie);
  for (const [path, name] of [
    ['/', 'home-editor'],
    ['/settings', 'settings-editor'],
  ] as const) {
    await editorDesk.goto(`${journey.app.url}${path}`);
    await editorDesk.getByRole('heading', { level: 1 }).waitFor();
    await editorDesk.waitForLoadState('networkidle');
    await shot(editorDesk, name);
  }

  const ownerPhone = await pageAs(ownerCookie, PHONE);
  for (const [path, name] of [
    ['/members', 'members-phone'],
    ['/api-keys', 'api-keys-phone'],
    ['/audit-log', 'audit-log-phone'],
  ] as const) {
    await ownerPhone.goto(`${journey.app.url}${path}`);
    await ownerPhone.getByRole('heading', { level: 1 }).waitFor();
    await ownerPhone.waitForLoadState('networkidle');
    await shot(ownerPhone, name);
  }
  await ownerPhone.getByRole('button', { name: 'Open navigation' }).click();
  await ownerPhone.waitForTimeout(400);
  await shot(ownerPhone, 'drawer-phone');
}, 240_000);

describe('the journeys issue 7 asks for', () => {
  test('a role change to or from owner/admin asks first; Cancel changes nothing, confirming does', async () => {
    const page = await pageAs(ownerCookie);
    await page.goto(`${journey.app.url}/members`);
    const role = page.getByLabel(`Role of ${editor.name}`);
    await role.selectOption('admin');
    const dialog = page.getByRole('dialog', { name: 'Change role' });
    await dialog.getByText(/changes from editor to/).waitFor();
    await shot(page, 'role-change-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await role.inputValue()).toBe('editor');
    expect(await roleOf(editor.email)).toBe('editor');

    await role.selectOption('admin');
    await dialog.getByRole('button', { name: 'Make admin' }).click();
    await page.getByText(`${editor.name} is now admin.`).waitFor();
    expect(await roleOf(editor.email)).toBe('admin');

    // Away from admin is confirmed too; between editor and viewer it is not.
    await role.selectOption('viewer');
    await dialog.getByRole('button', { name: 'Make viewer' }).click();
    await page.getByText(`${editor.name} is now viewer.`).waitFor();
    // The confirmed dialog closes with a transition; wait for it to go so the check below sees
    // whether a new one opened, not the old one leaving.
    await dialog.waitFor({ state: 'hidden' });
    await role.selectOption('editor');
    await page.getByText(`${editor.name} is now editor.`).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect(await roleOf(editor.email)).toBe('editor');
  }, 60_000);

  test('unsaved settings: leaving asks first; staying keeps the edit, leaving discards it', async () => {
    const page = await pageAs(ownerCookie);
    await page.goto(`${journey.app.url}/settings`);
    const name = page.getByLabel('Organisation name');
    await name.fill('Northwind Deliveries (draft)');
    await page.getByText('You have unsaved changes.').waitFor();
    // Save stays in view at 800 px, however long the form.
    expect(await page.getByRole('button', { name: 'Save changes' }).isVisible()).toBe(true);
    const inView = await page.getByRole('button', { name: 'Save changes' }).boundingBox();
    expect(inView!.y + inView!.height).toBeLessThanOrEqual(DESKTOP.height);

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Members', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await shot(page, 'unsaved-changes');
    await dialog.getByRole('button', { name: 'Stay and keep editing' }).click();
    expect(new URL(page.url()).pathname).toBe('/settings');
    expect(await name.inputValue()).toBe('Northwind Deliveries (draft)');

    await nav.getByRole('link', { name: 'Members', exact: true }).click();
    await dialog.getByRole('button', { name: 'Leave and discard' }).click();
    await page.waitForURL(`${journey.app.url}/members`);
    expect((await orgOf(owner.email))?.name).toBe('Northwind Deliveries');
  }, 60_000);

  test('the signed-in 404 keeps the app shell: header, navigation and the page', async () => {
    const page = await pageAs(ownerCookie);
    await page.goto(`${journey.app.url}/no-such-page`);
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Members', exact: true })
      .waitFor();
    await page.getByRole('banner').getByText('Northwind Deliveries').waitFor();
    // Signed out, the same address is a plain page, not a log-in wall.
    const out = await pageAs(null);
    await out.goto(`${journey.app.url}/no-such-page`);
    await out.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    expect(await out.getByRole('navigation', { name: 'Main navigation' }).count()).toBe(0);
  }, 90_000);

  test('onboarding fits the role: an editor is not sent to invite or set the time zone, and reads settings as text', async () => {
    const page = await pageAs(editorCookie);
    await page.goto(`${journey.app.url}/`);
    await page.getByRole('heading', { name: 'Getting started' }).waitFor();
    expect(await page.getByRole('link', { name: 'Invite your colleagues' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Review your organisation details' }).count()).toBe(0);
    // What an editor can do is on the list: touchpoints are theirs to add.
    await page.getByRole('link', { name: 'Add a touchpoint' }).waitFor();
    await page.goto(`${journey.app.url}/settings`);
    await page.getByText('Only owners and admins can change these settings.').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
  }, 90_000);

  test('the owner’s steps tick off once done: an invitation is out and a key exists, settings not yet saved', async () => {
    const page = await pageAs(ownerCookie);
    await page.goto(`${journey.app.url}/`);
    const step = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    await step('Invite your colleagues').getByText('Done', { exact: true }).waitFor();
    await step('Connect your systems').getByText('Done', { exact: true }).waitFor();
    expect(await step('Review your organisation details').getByText('Done', { exact: true }).count()).toBe(0);
  }, 90_000);

  test('sign-up starts the organisation in the browser’s time zone, with the name field focused', async () => {
    const context = await journey.browser.newContext({ viewport: DESKTOP, timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await page.goto(`${journey.app.url}/signup`);
    await page.getByRole('heading', { name: 'Create your Pulse account' }).waitFor();
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id,
      ),
    ).toBe(await page.getByLabel('Name', { exact: true }).getAttribute('id'));
    const email = `kolkata-${stamp}@example.test`;
    await page.getByLabel('Name', { exact: true }).fill('Kiran Kolkata');
    await page.getByLabel('Work email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('a long kolkata password');
    await page.getByLabel('Organisation name').fill('Chennai Couriers');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check your inbox').waitFor();
    expect((await orgOf(email))?.timeZone).toBe('Europe/Paris');
    await context.close();
  }, 120_000);
});

async function roleOf(email: string) {
  const user = await UserModel.findOne({ email }).lean();
  const membership = await MembershipModel.findOne({
    organisationId: user!.lastOrganisationId,
    userId: user!._id,
  }).lean();
  return membership?.role;
}

async function orgOf(email: string) {
  const user = await UserModel.findOne({ email }).lean();
  return OrganisationModel.findById(user!.lastOrganisationId).lean();
}

const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${journey.app.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });

const cookieOf = (response: Response): string =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

const cookiesFor = (cookie: string) =>
  cookie.split('; ').map((pair) => {
    const [name, ...value] = pair.split('=');
    return { name: name!, value: value.join('='), url: journey.app.url };
  });
