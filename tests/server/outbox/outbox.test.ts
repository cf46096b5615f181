import request from 'supertest';

import { SessionResponse } from '@pulse/shared/schemas/auth';
import { OutboxResponse } from '@pulse/shared/schemas/outbox';
import { SystemConfig } from '@pulse/shared/schemas/system';

import { createApp } from '../../../server/src/app';
import { loadConfig } from '../../../server/src/config';
import { addTeammate, signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

const TOKEN = /\b(reset|verify|invite)_[\w-]+/g;
const outboxOf = async (t: Teammate) => OutboxResponse.parse((await t.agent.get('/api/v1/outbox').expect(200)).body);
const tokensIn = (res: { text: string }) => [...res.text.matchAll(TOKEN)].map((m) => m[0]);

describe('the development outbox', () => {
  it('when an attacker invites a victim and requests a reset for them, then the reset mail never shows in the attacker’s outbox', async () => {
    const attacker = await signUpOwner(h.app);
    const victim = await signUpOwner(h.app);
    await attacker.agent.post('/api/v1/invitations').send({ email: victim.email, role: 'viewer' }).expect(201);
    await request(h.app).post('/api/v1/auth/password-reset/request').send({ email: victim.email }).expect(202);
    // Verification, invitation and reset have all reached the catcher: the outbox had its chance to leak them.
    const caught = await waitForMail(victim.email, 3);
    expect(caught.map((m) => m.subject)).toContain('Reset your Pulse password');

    const res = await attacker.agent.get('/api/v1/outbox').expect(200);
    const { messages } = OutboxResponse.parse(res.body);
    expect(messages.map((m) => ({ kind: m.kind, to: m.to }))).toEqual([
      { kind: 'member.invitation', to: [victim.email] },
    ]);
    expect(tokensIn(res).every((t) => t.startsWith('invite_'))).toBe(true);
    expect(res.text).not.toMatch(/reset-password|verify-email/);
    // Nor does the victim's own organisation list mail to its owner's account.
    expect((await outboxOf(victim)).messages).toEqual([]);
  });

  it('shows owners and admins the invitations their organisation sent, from its sender name, and no other organisation’s', async () => {
    const a = await signUpOwner(h.app);
    const b = await signUpOwner(h.app);
    const invitee = uniqueEmail('invitee');
    await a.agent.post('/api/v1/invitations').send({ email: invitee, role: 'editor' }).expect(201);
    await b.agent
      .post('/api/v1/invitations')
      .send({ email: uniqueEmail('theirs'), role: 'viewer' })
      .expect(201);
    await waitForMail(invitee);

    const ownMail = (await outboxOf(a)).messages;
    expect(ownMail.map((m) => m.to)).toEqual([[invitee]]);
    expect(ownMail[0]).toMatchObject({ state: 'sent', lastError: null });
    expect(ownMail[0]!.from).toBe(`"${a.session.organisation.name}" <pulse@localhost>`);
    const admin = await addTeammate(h.app, a.organisationId, 'admin');
    expect((await outboxOf(admin)).messages.map((m) => m.to)).toEqual([[invitee]]);
    expect((await outboxOf(b)).messages.map((m) => m.to)).not.toContainEqual([invitee]);
  });

  it('when a viewer or an editor asks, then it answers 403 and shows no token', async () => {
    const owner = await signUpOwner(h.app);
    await owner.agent
      .post('/api/v1/invitations')
      .send({ email: uniqueEmail('admin-to-be'), role: 'admin' })
      .expect(201);
    for (const role of ['viewer', 'editor'] as const) {
      const teammate = await addTeammate(h.app, owner.organisationId, role);
      const res = await teammate.agent.get('/api/v1/outbox').expect(403);
      expect({ role, code: res.body.error.code, tokens: tokensIn(res) }).toEqual({
        role,
        code: 'forbidden',
        tokens: [],
      });
    }
  });

  it('when an owner invites another owner, then admins do not see that link (only an owner may hand out ownership)', async () => {
    const owner = await signUpOwner(h.app);
    const coOwner = uniqueEmail('co-owner');
    await owner.agent.post('/api/v1/invitations').send({ email: coOwner, role: 'owner' }).expect(201);
    const admin = await addTeammate(h.app, owner.organisationId, 'admin');
    expect((await outboxOf(owner)).messages.map((m) => m.to)).toEqual([[coOwner]]);
    const res = await admin.agent.get('/api/v1/outbox').expect(200);
    expect(OutboxResponse.parse(res.body).messages).toEqual([]);
    expect(tokensIn(res)).toEqual([]);
  });

  it('tells the web app where the mail catcher’s own page is, and that page lists the caught mail', async () => {
    const res = await request(h.app).get('/api/v1/system/config').expect(200);
    const { mailCatcherUrl } = SystemConfig.parse(res.body);
    expect(mailCatcherUrl).toBe(process.env.MAIL_CATCHER_URL);
    const owner = await signUpOwner(h.app);
    await waitForMail(owner.email);
    const page = await fetch(new URL(`/?to=${encodeURIComponent(owner.email)}`, mailCatcherUrl!));
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Confirm your email address for Pulse');
  });

  it('does not exist in production, even with a mail catcher configured, and sessions say so', async () => {
    const config = loadConfig({
      ...process.env,
      ...h.config,
      NODE_ENV: 'production',
      SECRET_KEY: 'x'.repeat(40),
      MAIL_CATCHER_URL: process.env.MAIL_CATCHER_URL,
    } as unknown as NodeJS.ProcessEnv);
    const app = createApp({ ...h, config });
    const doc = await request(app).get('/api/openapi.json').expect(200);
    expect(doc.body.paths['/api/v1/outbox']).toBeUndefined();
    await request(app).get('/api/v1/outbox').set('Accept', 'application/json').expect(404);
    expect((await request(app).get('/api/v1/system/config').expect(200)).body).toEqual({ mailCatcherUrl: null });
    // The client hides the Outbox page from this flag.
    const owner = await signUpOwner(app);
    expect(SessionResponse.parse(owner.session).features).toEqual({ outbox: false });
  });
});
