import { Types } from 'mongoose';

import { systemContext } from '../../../server/src/lib/context';
import { processComment } from '../../../server/src/modules/insights/insights.service';
import { addTeammate, signUpOwner, type Teammate } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const delivery = new Types.ObjectId().toHexString();
const app = new Types.ObjectId().toHexString();
const UNTIL = '2026-11-30';

/**
 * Eleven weeks of ordinary comments, then a burst about parcel lockers in the last weeks:
 * delivery detractors complain about late drivers, promoters praise packaging, the app's about crashes.
 */
async function seed(owner: Teammate) {
  const ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  const at = (week: number) => new Date(Date.UTC(2026, 8, 14 + week * 7, 12));
  const add = (touchpointId: string, band: 'detractor' | 'promoter' | 'passive', comment: string, week: number) =>
    processComment(ctx, {
      organisationId: owner.organisationId,
      responseId: new Types.ObjectId().toHexString(),
      touchpointId,
      language: 'en',
      band,
      comment,
      answeredAt: at(week),
    });
  // One comment at a time, as one worker applies them: concurrent $inc upserts of one counter are
  // not yet safe on FerretDB (a known gap of the insights counters, see the README).
  for (let week = 0; week < 11; week += 1) {
    for (let i = 0; i < 3; i += 1) {
      await add(delivery, 'detractor', 'The driver was late again.', week);
      await add(delivery, 'promoter', 'Lovely packaging, thank you.', week);
      await add(app, 'detractor', 'The app crashes at login.', week);
    }
  }
  for (let i = 0; i < 8; i += 1) await add(delivery, 'passive', 'The parcel locker was full.', 10);
}

describe('text insights API', () => {
  let owner: Teammate;
  beforeAll(async () => {
    owner = await signUpOwner(h.app);
    await seed(owner);
  }, 180_000);

  test('themes: what a touchpoint talks about more than the others, only significant ones', async () => {
    const res = await owner.agent
      .get('/api/v1/insights/themes')
      .query({ touchpointId: delivery, until: UNTIL })
      .expect(200);
    const keys = res.body.themes.map((t: { key: string }) => t.key);
    expect(keys).toEqual(expect.arrayContaining(['driver', 'packaging']));
    expect(keys).not.toContain('app');
    expect(res.body.weeks).toHaveLength(12);
    const driver = res.body.themes.find((t: { key: string }) => t.key === 'driver');
    expect(driver).toMatchObject({ label: 'driver', mentions: 33 });
    expect(driver.z).toBeGreaterThan(1.96);
  });

  test('drivers: detractor themes against promoter themes', async () => {
    const res = await owner.agent
      .get('/api/v1/insights/drivers')
      .query({ touchpointId: delivery, until: UNTIL })
      .expect(200);
    expect(res.body.themes.map((t: { key: string }) => t.key)).toEqual(['driver']);
    expect(res.body.themes[0].sentiment).toBeLessThan(0);
  });

  test('emerging: the last four weeks against the weeks before', async () => {
    const res = await owner.agent.get('/api/v1/insights/emerging').query({ until: UNTIL }).expect(200);
    expect(res.body.themes.map((t: { key: string }) => t.key)).toEqual(['parcel locker']);
  });

  test('a named theme with merged synonyms applies to history at once', async () => {
    await owner.agent
      .post('/api/v1/insights/vocabulary')
      .send({ language: 'en', label: 'Delivery staff', synonyms: ['drivers', 'parcel locker'] })
      .expect(200, { themes: [{ key: 'driver', label: 'Delivery staff', members: ['driver', 'parcel locker'] }] });
    const res = await owner.agent
      .get('/api/v1/insights/themes')
      .query({ touchpointId: delivery, until: UNTIL })
      .expect(200);
    const merged = res.body.themes.find((t: { key: string }) => t.key === 'driver');
    expect(merged).toMatchObject({ label: 'Delivery staff', mentions: 41 });
    expect(res.body.themes.map((t: { key: string }) => t.key)).not.toContain('parcel locker');
  });

  test('bad input answers 400 with the failing field, and a viewer cannot rename themes', async () => {
    const bad = await owner.agent.get('/api/v1/insights/themes').query({ until: UNTIL }).expect(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'query.touchpointId' })]);
    const weeks = await owner.agent.get('/api/v1/insights/drivers').query({ weeks: 100 }).expect(400);
    expect(weeks.body.error.details[0].path).toBe('query.weeks');
    const viewer = await addTeammate(h.app, owner.organisationId, 'viewer');
    await viewer.agent.get('/api/v1/insights/drivers').expect(200);
    await viewer.agent
      .post('/api/v1/insights/vocabulary')
      .send({ language: 'en', label: 'X', synonyms: ['x'] })
      .expect(403);
  });

  test('another organisation sees none of these themes', async () => {
    const other = await signUpOwner(h.app);
    const res = await other.agent.get('/api/v1/insights/emerging').query({ until: UNTIL }).expect(200);
    expect(res.body).toMatchObject({ comments: 0, themes: [] });
  });
});
