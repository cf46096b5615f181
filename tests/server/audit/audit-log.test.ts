import request from 'supertest';

import { AuditLogResponse, type AuditEvent } from '@pulse/shared/schemas/audit';

import { createApp } from '../../../server/src/app';
import {
  PASSWORD,
  addTeammate,
  createApiKey,
  inviteTeammate,
  signUpOwner,
  uniqueEmail,
  type Teammate,
} from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const CLIENT_IP = '198.51.100.23';

async function readLog(t: Teammate, query: Record<string, string | number> = {}) {
  await h.eventsSettled();
  const res = await t.agent.get('/api/v1/audit-log').query(query).expect(200);
  return AuditLogResponse.parse(res.body);
}

/** Every event, following nextCursor page by page. */
async function walk(t: Teammate, limit: number) {
  const events: AuditEvent[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: AuditLogResponse = await readLog(t, cursor ? { limit, cursor } : { limit });
    expect(page.events.length).toBeLessThanOrEqual(limit);
    events.push(...page.events);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { events, pages };
}

describe('the audit log', () => {
  it('shows log-in, invitation, key creation, role change and settings change newest first, with actor, target and IP', async () => {
    const owner = await signUpOwner(h.app);
    // One log-in through a trusted proxy, to see that the client's address is what gets recorded.
    const behindProxy = createApp({ ...h, config: { ...h.config, TRUST_PROXY_HOPS: 1 } });
    await request(behindProxy)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', CLIENT_IP)
      .send({ email: owner.email, password: PASSWORD })
      .expect(200);
    const editor = await addTeammate(h.app, owner.organisationId, 'editor');
    const invitee = uniqueEmail('invitee');
    await inviteTeammate(owner, 'viewer', invitee);
    const { apiKey } = await createApiKey(owner, ['surveys:read'], 'Nightly export');
    await owner.agent.patch(`/api/v1/members/${editor.membershipId}`).send({ role: 'viewer' }).expect(200);
    await owner.agent.patch('/api/v1/organisation').send({ name: 'Renamed Org', timeZone: 'Europe/Paris' }).expect(200);

    const { events, nextCursor } = await readLog(owner);
    expect(nextCursor).toBeNull();
    // Named as Team names them, with the recorded address beside the name.
    const ownerActor = { kind: 'user', id: owner.session.user.id, label: owner.session.user.name, email: owner.email };
    expect(events.map((e) => ({ action: e.action, actor: e.actor, target: e.target, details: e.details }))).toEqual([
      {
        action: 'organisation.updated',
        actor: ownerActor,
        target: 'Renamed Org',
        details: { fields: 'name timeZone' },
      },
      {
        action: 'member.role_changed',
        actor: ownerActor,
        target: editor.email,
        details: { from: 'editor', to: 'viewer' },
      },
      { action: 'apikey.created', actor: ownerActor, target: apiKey.name, details: { scopes: 'surveys:read' } },
      { action: 'member.invited', actor: ownerActor, target: invitee, details: { role: 'viewer' } },
      {
        action: 'auth.login',
        actor: { kind: 'user', id: editor.session.user.id, label: editor.session.user.name, email: editor.email },
        target: editor.email,
        details: {},
      },
      { action: 'auth.login', actor: ownerActor, target: owner.email, details: {} },
      // Sign-up signs nobody in: the owner's first log-in follows it.
      { action: 'auth.login', actor: ownerActor, target: owner.email, details: {} },
      { action: 'auth.signup', actor: ownerActor, target: owner.email, details: {} },
    ]);
    const times = events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => y - x));
    expect(events[5]!.ip).toBe(CLIENT_IP);
    // IPv4-mapped IPv6 (::ffff:127.0.0.1) reads as the IPv4 address people know.
    for (const e of events.filter((_, i) => i !== 5)) expect(e.ip).toBe('127.0.0.1');
  });

  it('when read 2 at a time, then following nextCursor walks every event exactly once, in order', async () => {
    const owner = await signUpOwner(h.app);
    for (let i = 0; i < 4; i++) await inviteTeammate(owner, 'viewer');
    await createApiKey(owner, ['surveys:read']);
    const all = (await readLog(owner, { limit: 100 })).events;
    // Sign-up, the owner's first log-in, four invitations and a key.
    expect(all).toHaveLength(7);

    const { events, pages } = await walk(owner, 2);
    expect(pages).toBe(4);
    expect(events.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('when a viewer or an editor reads it, then it answers 403 forbidden', async () => {
    const owner = await signUpOwner(h.app);
    for (const role of ['viewer', 'editor'] as const) {
      const teammate = await addTeammate(h.app, owner.organisationId, role);
      const res = await teammate.agent.get('/api/v1/audit-log').expect(403);
      expect({ role, code: res.body.error.code }).toEqual({ role, code: 'forbidden' });
    }
    await addTeammate(h.app, owner.organisationId, 'admin').then((admin) =>
      admin.agent.get('/api/v1/audit-log').expect(200),
    );
  });
});
