import type { Browser, BrowserContext, Page } from 'playwright-core';

import { linksIn, waitForMail } from '../setup/mail';
import { launchBrowser, screenshot } from './support/browser';
import { startRunningApp, type RunningApp } from './support/server';

/**
 * The rough edges a new user tripped on (issue 7), walked through at desktop and phone sizes.
 * Screenshots are named newcomer-<SHOTS_SET>-…, so a "before" and an "after" set sit side by side.
 */
const SET = process.env.SHOTS_SET ?? 'after';
const shot = (page: Page, name: string) => screenshot(page, `newcomer-${SET}-${name}`);

let app: RunningApp;
let browser: Browser;
const stamp = Date.now();
const owner = { name: 'Nora Newcomer', email: `nora-${stamp}@example.test`, password: 'a long owner password' };
const editor = { name: 'Eddie Editor', email: `eddie-${stamp}@example.test`, password: 'a long editor password' };
let ownerCookie: string;
let editorCookie: string;

beforeAll(async () => {
  app = await startRunningApp();
  browser = await launchBrowser();
  const signup = await post('/api/v1/auth/signup', { ...owner, organisationName: 'Northwind Deliveries' });
  expect(signup.status).toBe(201);
  ownerCookie = cookieOf(signup);
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
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function pageAs(cookie: string | null, viewport = DESKTOP): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport });
  if (cookie) await context.addCookies(cookiesFor(cookie));
  return context.newPage();
}

test('before/after tour of the screens a newcomer tripped on', async () => {
  const out = await pageAs(null);
  await out.goto(`${app.url}/login`);
  await out.getByRole('heading', { name: 'Log in to Pulse' }).waitFor();
  await out.keyboard.press('Tab');
  await out.keyboard.press('Tab');
  await shot(out, 'login-focus');
  await out.goto(`${app.url}/signup`);
  await out.getByRole('heading', { name: 'Create your Pulse account' }).waitFor();
  await shot(out, 'signup');

  const ownerDesk = await pageAs(ownerCookie);
  for (const [path, name] of [
    ['/', 'home-owner'],
    ['/team', 'team'],
    ['/settings', 'settings-owner'],
    ['/audit-log', 'audit-log'],
    ['/outbox', 'outbox'],
    ['/no-such-page', 'not-found'],
  ] as const) {
    await ownerDesk.goto(`${app.url}${path}`);
    await ownerDesk.getByRole('heading', { level: 1 }).waitFor();
    await ownerDesk.waitForLoadState('networkidle');
    await shot(ownerDesk, name);
  }
  await ownerDesk.goto(`${app.url}/team`);
  await ownerDesk.getByRole('heading', { level: 1 }).waitFor();
  await ownerDesk.getByRole('button', { name: /account menu/ }).click();
  await ownerDesk.getByRole('menu').waitFor();
  await ownerDesk.waitForTimeout(300);
  await shot(ownerDesk, 'user-menu');
  await ownerDesk.goto(`${app.url}/api/docs`);
  await ownerDesk.waitForLoadState('networkidle');
  await shot(ownerDesk, 'api-docs');

  const editorDesk = await pageAs(editorCookie);
  for (const [path, name] of [
    ['/', 'home-editor'],
    ['/settings', 'settings-editor'],
  ] as const) {
    await editorDesk.goto(`${app.url}${path}`);
    await editorDesk.getByRole('heading', { level: 1 }).waitFor();
    await editorDesk.waitForLoadState('networkidle');
    await shot(editorDesk, name);
  }

  const ownerPhone = await pageAs(ownerCookie, PHONE);
  for (const [path, name] of [
    ['/team', 'team-phone'],
    ['/api-keys', 'api-keys-phone'],
    ['/audit-log', 'audit-log-phone'],
  ] as const) {
    await ownerPhone.goto(`${app.url}${path}`);
    await ownerPhone.getByRole('heading', { level: 1 }).waitFor();
    await ownerPhone.waitForLoadState('networkidle');
    await shot(ownerPhone, name);
  }
  await ownerPhone.getByRole('button', { name: 'Open navigation' }).click();
  await ownerPhone.waitForTimeout(400);
  await shot(ownerPhone, 'drawer-phone');
}, 120_000);

const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${app.url}${path}`, {
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
    return { name: name!, value: value.join('='), url: app.url };
  });
