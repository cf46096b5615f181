import { TouchpointResponse, TouchpointsResponse } from '@pulse/shared/schemas/touchpoints';

import { addTeammate, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('touchpoints', () => {
  it('lists touchpoints in journey order with their default rules', async () => {
    const owner = await signUpOwner(h.app);
    for (const [key, order] of [
      ['delivery_made', 20],
      ['checkout_done', 10],
      ['support_ticket_closed', 30],
    ] as const) {
      await owner.agent.post('/api/v1/touchpoints').send({ key, name: key, stage: 'Journey', order }).expect(201);
    }
    const res = await owner.agent.get('/api/v1/touchpoints').expect(200);
    const { touchpoints } = TouchpointsResponse.parse(res.body);
    expect(touchpoints.map((t) => t.key)).toEqual(['checkout_done', 'delivery_made', 'support_ticket_closed']);
    expect(touchpoints[0]!.rules).toMatchObject({
      surveyId: null,
      channel: 'email',
      samplingPercent: 100,
      fatigueDays: 0,
    });
  });

  it('when the key is taken, then it answers 409 naming body.key', async () => {
    const owner = await signUpOwner(h.app);
    const body = { key: 'support_ticket_closed', name: 'Ticket closed', stage: 'Support' };
    await owner.agent.post('/api/v1/touchpoints').send(body).expect(201);
    const res = await owner.agent.post('/api/v1/touchpoints').send(body).expect(409);
    expect(res.body.error.details[0].path).toBe('body.key');
  });

  it('updates rules and refuses bad ones with the field path', async () => {
    const owner = await signUpOwner(h.app);
    const created = TouchpointResponse.parse(
      (await owner.agent.post('/api/v1/touchpoints').send({ key: 'onboarded', name: 'Onboarded', stage: 'Onboarding' }))
        .body,
    ).touchpoint;
    const rules = {
      ...created.rules,
      samplingPercent: 25,
      fatigueDays: 30,
      quietHours: { start: '21:00', end: '08:00' },
    };
    const res = await owner.agent.patch(`/api/v1/touchpoints/${created.id}`).send({ rules }).expect(200);
    expect(res.body.touchpoint.rules).toMatchObject({
      samplingPercent: 25,
      fatigueDays: 30,
      quietHours: { start: '21:00', end: '08:00' },
    });
    const bad = await owner.agent
      .patch(`/api/v1/touchpoints/${created.id}`)
      .send({ rules: { ...rules, samplingPercent: 101 } })
      .expect(400);
    expect(bad.body.error.details[0].path).toBe('body.rules.samplingPercent');
  });

  it('lets a viewer read touchpoints but not change them', async () => {
    const owner = await signUpOwner(h.app);
    const viewer = await addTeammate(h.app, owner.organisationId, 'viewer');
    await viewer.agent.get('/api/v1/touchpoints').expect(200);
    await viewer.agent.post('/api/v1/touchpoints').send({ key: 'x_y', name: 'X', stage: 'S' }).expect(403);
  });
});
