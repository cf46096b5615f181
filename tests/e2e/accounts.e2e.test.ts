import fs from 'node:fs';

import { ApiKeyModel } from '../../server/src/modules/api-keys/api-key.model';
import { UserModel } from '../../server/src/modules/auth/user.model';
import { MembershipModel } from '../../server/src/modules/members/membership.model';
import { linksIn, waitForMail } from '../setup/mail';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';
import { signUpAndLogIn } from './support/sign-up';

const journey = useBrowserJourney();

const stamp = Date.now();
const owner = { name: 'Olivia Owner', email: `olivia-${stamp}@example.test`, password: 'a long owner password' };
const teammate = { name: 'Theo Teammate', email: `theo-${stamp}@example.test`, password: 'a long teammate password' };
const otherOwner = { name: 'Grace Other', email: `grace-${stamp}@example.test`, password: 'a long other password' };

test('an owner signs up, invites a teammate who joins from the emailed link, creates an API key, exports the audit log and switches to a second organisation', async () => {
  const ownerPage = await journey.newPage({ viewport: { width: 1280, height: 800 } });

  await ownerPage.goto(`${journey.app.url}/signup`);
  await ownerPage.getByRole('heading', { name: 'Create your Pulse account' }).waitFor();
  await screenshot(ownerPage, '01-signup');
  await ownerPage.getByLabel('Name', { exact: true }).fill(owner.name);
  await ownerPage.getByLabel('Work email').fill(owner.email);
  await ownerPage.getByLabel('Password', { exact: true }).fill(owner.password);
  await ownerPage.getByLabel('Organisation name').fill('Northwind Deliveries');
  await ownerPage.getByRole('button', { name: 'Create account' }).click();
  // The same answer as for an address that already has an account: the mail says which it was.
  await ownerPage.getByText('Check your inbox').waitFor();
  await screenshot(ownerPage, '01b-signup-check-inbox');
  const [verification] = await waitForMail(owner.email);
  await ownerPage.goto(linksIn(verification!).find((l) => l.includes('/verify-email?token='))!);
  await ownerPage.getByText('Email verified').waitFor();
  await ownerPage.getByRole('link', { name: 'Log in' }).click();
  await ownerPage.getByRole('textbox', { name: 'Email', exact: true }).fill(owner.email);
  await ownerPage.getByLabel('Password').fill(owner.password);
  await ownerPage.getByRole('button', { name: 'Log in' }).click();
  await ownerPage.getByRole('heading', { name: /Welcome to Pulse/ }).waitFor();
  await screenshot(ownerPage, '02-home');

  // Invite a teammate; the invitation arrives in the mail catcher. The page's old address still leads to it.
  await ownerPage.goto(`${journey.app.url}/team`);
  await ownerPage.waitForURL(`${journey.app.url}/members`);
  await ownerPage.getByRole('heading', { name: 'Members', exact: true }).waitFor();
  await ownerPage.getByRole('button', { name: 'Invite teammate' }).click();
  await ownerPage.getByLabel('Email', { exact: true }).fill(teammate.email);
  await ownerPage.getByLabel('Role', { exact: true }).selectOption('viewer');
  await ownerPage.getByRole('button', { name: 'Send invitation' }).click();
  await ownerPage.getByText(teammate.email).first().waitFor();
  await screenshot(ownerPage, '03-members-invited');

  const [invitation] = await waitForMail(teammate.email);
  expect(invitation!.subject).toBe(`${owner.name} invited you to Northwind Deliveries on Pulse`);
  const link = linksIn(invitation!).find((l) => l.includes('/accept-invite?token='))!;
  expect(link.startsWith(journey.app.url)).toBe(true);

  // The teammate, in a separate browser profile on a phone-sized screen, accepts.
  const teammatePage = await journey.newPage({ viewport: { width: 390, height: 844 } });
  await teammatePage.goto(link);
  await teammatePage.getByText('Northwind Deliveries').first().waitFor();
  await screenshot(teammatePage, '04-accept-invite-mobile');
  await teammatePage.getByLabel('Name', { exact: true }).fill(teammate.name);
  await teammatePage.getByLabel('Password', { exact: true }).fill(teammate.password);
  await teammatePage.getByRole('button', { name: 'Join organisation' }).click();
  await teammatePage.getByRole('heading', { name: /Welcome to Pulse/ }).waitFor();
  await screenshot(teammatePage, '05-teammate-home-mobile');

  const members = await MembershipModel.find({ organisationId: await orgIdOf(owner.email) }).lean();
  expect(members.map((m) => m.role).sort()).toEqual(['owner', 'viewer']);

  // Back to the owner: the teammate is now listed; create an API key.
  await ownerPage.reload();
  await ownerPage.getByText(teammate.email).first().waitFor();
  await ownerPage.goto(`${journey.app.url}/api-keys`);
  await ownerPage.getByRole('heading', { name: 'API keys', exact: true }).waitFor();
  await ownerPage.getByRole('button', { name: 'Create API key' }).click();
  await ownerPage.getByLabel('Key name').fill('Helpdesk integration');
  await ownerPage.getByRole('button', { name: 'Create key' }).click();
  const secret = (await ownerPage.getByTestId('api-key-secret').textContent())!.trim();
  expect(secret).toMatch(/^pulse_[a-f0-9]{24}_[A-Za-z0-9_-]{32}$/);
  await screenshot(ownerPage, '06-api-key-created');

  // The key shown once works against the API, and only its hash is stored.
  const self = await fetch(`${journey.app.url}/api/v1/api-keys/self`, {
    headers: { Authorization: `Bearer ${secret}` },
  });
  expect(self.status).toBe(200);
  expect(await self.json()).toMatchObject({ name: 'Helpdesk integration' });
  const stored = await ApiKeyModel.findOne({
    organisationId: await orgIdOf(owner.email),
    name: 'Helpdesk integration',
  }).lean();
  expect(stored).not.toBeNull();
  expect(JSON.stringify(stored)).not.toContain(secret.slice('pulse_'.length + 25));

  // This server catches mail, so the session offers the Outbox, and the invitation is in it.
  await ownerPage.getByRole('button', { name: 'I’ve saved the key' }).click();
  await ownerPage.getByRole('link', { name: 'Outbox' }).click();
  await ownerPage.getByRole('heading', { name: 'Outbox', exact: true }).waitFor();
  await ownerPage.getByText(invitation!.subject).waitFor();
  await screenshot(ownerPage, '07-outbox');

  // The audit log downloads as CSV, with the invitation in it.
  await ownerPage.getByRole('link', { name: 'Audit log' }).click();
  await ownerPage.getByRole('heading', { name: 'Audit log', exact: true }).waitFor();
  await screenshot(ownerPage, '08-audit-log');
  const [download] = await Promise.all([
    ownerPage.waitForEvent('download'),
    ownerPage.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^pulse-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^at,actor/);
  expect(csv).toContain('member.invited');

  // Another organisation invites the owner as a viewer (over the API), and the owner accepts.
  const otherOrg = await signUpAndLogIn(journey.app.url, { ...otherOwner, organisationName: 'Contoso Surveys' });
  const otherCookie = otherOrg.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  expect((await post('/api/v1/invitations', { email: owner.email, role: 'viewer' }, otherCookie)).status).toBe(201);
  // Verification, the new-API-key security notice, then this invitation.
  const secondInvitation = (await waitForMail(owner.email, 3)).find((m) => m.subject.includes('invited you'))!;
  const token = new URL(linksIn(secondInvitation).find((l) => l.includes('/accept-invite?token='))!).searchParams.get(
    'token',
  );
  expect((await post('/api/v1/invitations/accept', { token, password: owner.password })).status).toBe(200);

  // The owner's header now switches between the two; in Contoso they are a viewer, without API keys.
  await ownerPage.reload();
  await ownerPage.getByRole('button', { name: 'Switch organisation' }).click();
  await ownerPage.getByRole('menuitemradio', { name: /Northwind Deliveries/, checked: true }).waitFor();
  // The menu fades in; the picture is of the menu, not of its transition.
  await ownerPage.getByRole('menu').evaluate(async (menu) => {
    const view = menu.ownerDocument.defaultView!;
    while (view.getComputedStyle(menu).opacity !== '1') await new Promise((done) => view.requestAnimationFrame(done));
  });
  await screenshot(ownerPage, '09-organisation-switcher');
  await ownerPage.getByRole('menuitemradio', { name: /Contoso Surveys/ }).click();
  await ownerPage.waitForURL(`${journey.app.url}/`);
  await ownerPage.getByRole('banner').getByText('Contoso Surveys').waitFor();
  const nav = ownerPage.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Members', exact: true }).waitFor();
  expect(await nav.getByRole('link', { name: 'API keys' }).count()).toBe(0);
  expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
  await screenshot(ownerPage, '10-switched-organisation');
}, 240_000);

/** A JSON POST from outside the browser, as another system or person would make it. */
const post = (path: string, body: unknown, cookie?: string) =>
  fetch(`${journey.app.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });

async function orgIdOf(email: string) {
  const user = await UserModel.findOne({ email }).lean();
  return String(user!.lastOrganisationId);
}
