import request from 'supertest';

import { SessionResponse } from '@pulse/shared/schemas/auth';

import { createApp } from '../../../server/src/app';
import { loadConfig } from '../../../server/src/config';
import { buildSignup, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

describe('the development outbox', () => {
  it('shows an organisation the mail to its members and invitees, and nobody else’s', async () => {
    const a = await signUpOwner(h.app);
    const b = await signUpOwner(h.app);
    const invitee = `invitee-${Date.now()}@example.test`;
    await a.agent.post('/api/v1/invitations').send({ email: invitee, role: 'viewer' }).expect(201);
    await Promise.all([waitForMail(a.email), waitForMail(b.email), waitForMail(invitee)]);

    const res = await a.agent.get('/api/v1/outbox').expect(200);
    const recipients = new Set(res.body.messages.flatMap((m: { to: string[] }) => m.to));
    expect(recipients).toEqual(new Set([a.email, invitee]));
    const session = await a.agent.get('/api/v1/auth/session').expect(200);
    expect(session.body.features).toEqual({ outbox: true });
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
    // The client hides the Outbox page from this flag.
    const signup = await request(app).post('/api/v1/auth/signup').send(buildSignup()).expect(201);
    expect(SessionResponse.parse(signup.body).features).toEqual({ outbox: false });
  });
});
