import request from 'supertest';

import { AuditLogResponse } from '@pulse/shared/schemas/audit';
import { Organisation } from '@pulse/shared/schemas/organisation';

import { buildSignup, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('saving the organisation settings', () => {
  it('when the form sends every field but two changed, then the audit entry names only those two', async () => {
    const owner = await signUpOwner(h.app);
    const before = Organisation.parse((await owner.agent.get('/api/v1/organisation').expect(200)).body);
    expect(before.updatedAt).toBe(before.createdAt);

    const res = await owner.agent
      .patch('/api/v1/organisation')
      .send({
        ...before,
        id: undefined,
        createdAt: undefined,
        updatedAt: undefined,
        name: 'Renamed',
        timeZone: 'Asia/Kolkata',
      })
      .expect(200);
    const after = Organisation.parse(res.body);
    expect(after).toMatchObject({ name: 'Renamed', timeZone: 'Asia/Kolkata', senderName: before.senderName });
    expect(after.updatedAt > after.createdAt).toBe(true);

    await h.eventsSettled();
    const log = AuditLogResponse.parse((await owner.agent.get('/api/v1/audit-log').expect(200)).body);
    expect(log.events[0]).toMatchObject({ action: 'organisation.updated', details: { fields: 'name timeZone' } });
  });

  it('when nothing changed, then it is saved without an audit entry', async () => {
    const owner = await signUpOwner(h.app);
    const { name, senderName } = owner.session.organisation;
    await owner.agent.patch('/api/v1/organisation').send({ name, senderName, senderEmail: null }).expect(200);
    await h.eventsSettled();
    const log = AuditLogResponse.parse((await owner.agent.get('/api/v1/audit-log').expect(200)).body);
    expect(log.events.map((e) => e.action)).toEqual(['auth.login', 'auth.signup']);
  });
});

describe('sign-up and the reporting time zone', () => {
  it('when sign-up sends the browser’s zone, then the organisation starts in it', async () => {
    const owner = await signUpOwner(h.app, { timeZone: 'America/St_Johns' });
    expect(owner.session.organisation.timeZone).toBe('America/St_Johns');
  });

  it('when the zone is not an IANA zone, then it answers 400 on body.timeZone', async () => {
    const agent = request.agent(h.app);
    const res = await agent
      .post('/api/v1/auth/signup')
      .send({ ...buildSignup(), timeZone: 'Mars/Olympus' })
      .expect(400);
    expect(res.body.error.details[0].path).toBe('body.timeZone');
  });
});
