import request from 'supertest';

import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { SharedLinkModel } from '../../../server/src/modules/shared-results/shared-link.model';
import { signUpOwner, addTeammate, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;
let big: { id: string };
let small: { id: string };

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  big = await buildTouchpoint({ org: owner.organisationId, key: 'repair_visit' });
  small = await buildTouchpoint({ org: owner.organisationId, key: 'night_shift' });
  // Twelve answers at the big touchpoint (two with comments), two at the small one (one comment).
  for (const score of [10, 9, 9, 8, 3, 10, 10, 9, 7, 6, 10, 9]) {
    const r = await answerAsContact(ctx, score, { touchpointId: big.id });
    if (score === 3) await r.comment('The engineer never came');
    if (score === 8) await r.comment('Fine, a bit late');
  }
  for (const score of [2, 4]) {
    const r = await answerAsContact(ctx, score, { touchpointId: small.id });
    if (score === 2) await r.comment('Only Sam works nights and Sam was rude');
  }
  h.startWorker();
  await h.eventsSettled();
});
afterAll(() => h.close());

const create = (body: object, as = owner) => as.agent.post('/api/v1/shared-links').send(body);
const baseLink = { name: 'Service review', selection: { lastDays: 30 }, expiresIn: '30d', minGroupSize: 5 };
const view = (token: string) => request(h.app).get(`/api/v1/shared-results/${encodeURIComponent(token)}`);

describe('shared results pages', () => {
  it('shows aggregates without signing in, suppresses the small group (no figure, not zero), and hides comments', async () => {
    const made = await create(baseLink).expect(201);
    expect(made.body.token).toMatch(/^pshr_[a-f0-9]{24}_[A-Za-z0-9_-]{32}$/);
    const stored = await SharedLinkModel.findById(made.body.link.id).setOptions({ crossTenant: true }).lean();
    expect(JSON.stringify(stored)).not.toContain(made.body.token.split('_')[2]);

    const res = await view(made.body.token).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const byName = Object.fromEntries(
      res.body.touchpoints.map((t: { name: string; figure: unknown }) => [t.name, t.figure]),
    );
    // 12 answers: 8 promoters (9–10), 2 detractors (3, 6) → NPS (8 − 2)/12 = +50.
    expect(byName['Touchpoint repair_visit']).toMatchObject({ suppressed: false, n: 12 });
    expect(byName['Touchpoint repair_visit'].score).toBeCloseTo(50, 6);
    expect(byName['Touchpoint night_shift']).toEqual({ suppressed: true });
    // The overall covers the shown groups only, so the hidden one cannot be had by difference.
    expect(res.body.overall).toMatchObject({ suppressed: false, n: 12 });
    expect(res.body.comments).toBeNull();
    expect(JSON.stringify(res.body)).not.toMatch(/engineer|Sam|example\.test/);
  });

  it('shows comments only when chosen, and only from groups large enough to show', async () => {
    const made = await create({ ...baseLink, showComments: true }).expect(201);
    const res = await view(made.body.token).expect(200);
    expect(res.body.comments.map((c: { comment: string }) => c.comment).sort()).toEqual([
      'Fine, a bit late',
      'The engineer never came',
    ]);
  });

  it('limits the selection to the chosen touchpoints', async () => {
    const made = await create({ ...baseLink, selection: { lastDays: 30, touchpointIds: [small.id] } }).expect(201);
    const res = await view(made.body.token).expect(200);
    expect(res.body.touchpoints).toEqual([{ name: 'Touchpoint night_shift', figure: { suppressed: true } }]);
    expect(res.body.overall).toEqual({ suppressed: true });
  });

  it('answers 404 alike to a tampered, revoked, expired or unknown token', async () => {
    const made = await create(baseLink).expect(201);
    const token: string = made.body.token;
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    await view(`${token.slice(0, -1)}${last}`).expect(404);
    await view(token.replace(/_[a-f0-9]{24}_/, '_0123456789abcdef01234567_')).expect(404);
    await view('not-a-token').expect(404);

    const expiring = await create({ ...baseLink, expiresIn: '7d' }).expect(201);
    await view(expiring.body.token).expect(200);
    await SharedLinkModel.updateOne(
      { _id: expiring.body.link.id, organisationId: owner.organisationId },
      { $set: { expiresAt: new Date(Date.now() - 1000) } },
    );
    expect((await view(expiring.body.token).expect(404)).body.error.code).toBe('not_found');

    await owner.agent.delete(`/api/v1/shared-links/${made.body.link.id}`).expect(200);
    await view(token).expect(404);
    const listed = await owner.agent.get('/api/v1/shared-links').expect(200);
    expect(listed.body.links.find((l: { id: string }) => l.id === made.body.link.id).revokedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain('pshr_');
  });

  it("another organisation cannot revoke, list or open this organisation's link by its id", async () => {
    const made = await create({ ...baseLink, expiresIn: 'never' }).expect(201);
    expect(made.body.link.expiresAt).toBeNull();
    const stranger = await signUpOwner(h.app);
    await stranger.agent.delete(`/api/v1/shared-links/${made.body.link.id}`).expect(404);
    expect((await stranger.agent.get('/api/v1/shared-links').expect(200)).body.links).toEqual([]);
    // The stranger's own secret with this link's id is a tampered token.
    const theirs = (await create(baseLink, stranger).expect(201)).body.token as string;
    await view(`pshr_${made.body.link.id}_${theirs.split('_')[2]}`).expect(404);
    await view(made.body.token).expect(200);
  });

  it('refuses bad input with the field path, and links are for admins only', async () => {
    const bad = await create({ ...baseLink, expiresIn: '5d' }).expect(400);
    expect(bad.body.error.details[0].path).toBe('body.expiresIn');
    const stranger = await signUpOwner(h.app);
    const foreign = await create({
      ...baseLink,
      selection: { lastDays: 30, touchpointIds: [(await buildTouchpoint({ org: stranger.organisationId })).id] },
    }).expect(400);
    expect(foreign.body.error.details[0].path).toBe('body.selection.touchpointIds.0');
    const both = await create({
      ...baseLink,
      selection: { lastDays: 30, from: '2026-01-01', to: '2026-01-31' },
    }).expect(400);
    expect(both.body.error.details[0].path).toBe('body.selection.from');
    const editor = await addTeammate(h.app, owner.organisationId, 'editor');
    await create(baseLink, editor).expect(403);
  });

  it('rate limits the public page per address', async () => {
    const made = await create(baseLink).expect(201);
    let status = 200;
    for (let i = 0; i < 70 && status !== 429; i++) status = (await view(made.body.token)).status;
    expect(status).toBe(429);
  });
});
