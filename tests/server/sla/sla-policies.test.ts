import { addTeammate, signUpOwner, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
});
afterAll(() => h.close());

const policy = (overrides: Record<string, unknown> = {}) => ({
  name: 'Repairs',
  priority: 'high',
  clock: 'business',
  firstResponseMinutes: 60,
  resolutionMinutes: 240,
  escalations: [{ percent: 75, notify: ['assignee', 'admins'] }],
  ...overrides,
});
const pathsOf = (res: { body: { error: { details: Array<{ path: string }> } } }) =>
  res.body.error.details.map((d) => d.path);

describe('SLA settings', () => {
  it('until edited, the calendar is Monday to Friday 09:00–17:00 in the organisation zone; an admin replaces it', async () => {
    const first = await owner.agent.get('/api/v1/sla/calendar').expect(200);
    expect(first.body.calendar).toMatchObject({
      timeZone: 'UTC',
      hours: { mon: [{ start: '09:00', end: '17:00' }], sat: [] },
    });
    const calendar = {
      timeZone: 'Asia/Kolkata',
      hours: {
        mon: [
          { start: '09:30', end: '13:00' },
          { start: '14:00', end: '18:30' },
        ],
        sat: [{ start: '10:00', end: '14:00' }],
      },
      holidays: [{ date: '2026-12-25', name: 'Christmas' }],
    };
    await owner.agent.put('/api/v1/sla/calendar').send(calendar).expect(200);
    expect((await owner.agent.get('/api/v1/sla/calendar').expect(200)).body.calendar).toEqual({
      ...calendar,
      hours: { sun: [], mon: calendar.hours.mon, tue: [], wed: [], thu: [], fri: [], sat: calendar.hours.sat },
    });
  });

  it('refuses an invalid zone, overlapping or reversed hours, naming the field', async () => {
    const bad = async (body: object) => pathsOf(await owner.agent.put('/api/v1/sla/calendar').send(body).expect(400));
    expect(await bad({ timeZone: 'Europe/Atlantis', hours: { mon: [{ start: '09:00', end: '17:00' }] } })).toEqual([
      'body.timeZone',
    ]);
    expect(
      await bad({
        timeZone: 'UTC',
        hours: {
          fri: [
            { start: '09:00', end: '12:00' },
            { start: '11:30', end: '17:00' },
          ],
        },
      }),
    ).toEqual(['body.hours.fri.1.start']);
    expect(await bad({ timeZone: 'UTC', hours: { tue: [{ start: '18:00', end: '08:00' }] } })).toEqual([
      'body.hours.tue.0.end',
    ]);
  });

  it('creates, lists, replaces and deletes policies; refuses zero, an unknown touchpoint, a stranger, a second policy for one pair', async () => {
    const tp = await buildTouchpoint({ org: owner.organisationId });
    const created = await owner.agent
      .post('/api/v1/sla/policies')
      .send(policy({ touchpointId: tp.id }))
      .expect(201);
    expect(created.body.policy).toMatchObject({
      touchpointId: tp.id,
      priority: 'high',
      clock: 'business',
      escalations: [
        { target: 'resolution', percent: 75, notify: ['assignee', 'admins'], reassignTo: null, raisePriority: false },
      ],
    });
    const id = created.body.policy.id;

    const post = (body: object) => owner.agent.post('/api/v1/sla/policies').send(body);
    expect(pathsOf(await post(policy({ resolutionMinutes: 0 })).expect(400))).toEqual(['body.resolutionMinutes']);
    expect(pathsOf(await post(policy({ touchpointId: '0123456789abcdef01234567' })).expect(400))).toEqual([
      'body.touchpointId',
    ]);
    expect(
      pathsOf(
        await post(policy({ escalations: [{ percent: 100, reassignTo: '0123456789abcdef01234567' }] })).expect(400),
      ),
    ).toEqual(['body.escalations.0.reassignTo']);
    expect(pathsOf(await post(policy({ escalations: [{ percent: 50 }] })).expect(400))).toEqual([
      'body.escalations.0.notify',
    ]);
    expect(pathsOf(await post(policy({ firstResponseMinutes: 300 })).expect(400))).toEqual([
      'body.firstResponseMinutes',
    ]);
    const twice = await post(policy({ touchpointId: tp.id })).expect(409);
    expect(pathsOf(twice)).toEqual(['body.priority']);

    await owner.agent
      .put(`/api/v1/sla/policies/${id}`)
      .send(policy({ touchpointId: tp.id, clock: '24/7', resolutionMinutes: 480 }))
      .expect(200);
    const listed = await owner.agent.get('/api/v1/sla/policies').expect(200);
    expect(listed.body.policies).toEqual([expect.objectContaining({ id, clock: '24/7', resolutionMinutes: 480 })]);
    await owner.agent.delete(`/api/v1/sla/policies/${id}`).expect(204);
    await owner.agent.get(`/api/v1/sla/policies/${id}`).expect(404);
  });

  it('an editor reads the targets but only an admin changes them; another organisation sees none of them', async () => {
    const created = await owner.agent
      .post('/api/v1/sla/policies')
      .send(policy({ priority: 'urgent' }))
      .expect(201);
    const editor = await addTeammate(h.app, owner.organisationId, 'editor');
    await editor.agent.get('/api/v1/sla/policies').expect(200);
    await editor.agent
      .post('/api/v1/sla/policies')
      .send(policy({ priority: 'low' }))
      .expect(403);
    await editor.agent
      .put('/api/v1/sla/calendar')
      .send({ timeZone: 'UTC', hours: { mon: [], tue: [{ start: '09:00', end: '10:00' }] } })
      .expect(403);
    const admin = await addTeammate(h.app, owner.organisationId, 'admin');
    await admin.agent
      .post('/api/v1/sla/policies')
      .send(policy({ priority: 'low' }))
      .expect(201);

    const stranger = await signUpOwner(h.app);
    expect((await stranger.agent.get('/api/v1/sla/policies').expect(200)).body.policies).toEqual([]);
    await stranger.agent.get(`/api/v1/sla/policies/${created.body.policy.id}`).expect(404);
    await stranger.agent.delete(`/api/v1/sla/policies/${created.body.policy.id}`).expect(404);
  });
});
