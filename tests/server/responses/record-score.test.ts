import { Types } from 'mongoose';

import { systemContext } from '../../../server/src/lib/context';
import { DomainEventModel } from '../../../server/src/lib/events/event.model';
import { ResponseModel } from '../../../server/src/modules/responses/response.model';
import { recordScore, type ResponseTarget } from '../../../server/src/modules/responses/responses.service';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const WINDOW = 60_000;

function target(): ResponseTarget {
  return {
    responseId: new Types.ObjectId(),
    survey: { id: new Types.ObjectId().toHexString(), version: 3, kind: 'nps', scale: { min: 0, max: 10 } },
    touchpointId: new Types.ObjectId().toHexString(),
    touchpointKey: 'delivery',
    channel: 'email',
    invitationId: null,
    contactId: null,
    language: 'en',
  };
}

const eventsOf = async (org: string, responseId: unknown) =>
  (await DomainEventModel.find({ organisationId: org }).sort({ at: 1, _id: 1 }).lean())
    .map((e) => ({ ...(e.data as Record<string, unknown>), type: e.type }) as Record<string, unknown>)
    .filter((e) => e.responseId === String(responseId))
    .sort((a, b) => Number(a.seq) - Number(b.seq));

const ctxOf = (_t: ResponseTarget, organisationId: string) => systemContext({ organisationId, log: h.log });

describe('recording a score', () => {
  const org = new Types.ObjectId().toHexString();

  it('when a bare GET records it, then it is provisional until a confirming request', async () => {
    const t = target();
    const ctx = ctxOf(t, org);
    const first = await recordScore(ctx, t, { score: 9, confirm: false, changeWindowMs: WINDOW });
    expect(first.response).toMatchObject({ state: 'provisional', score: 9, band: 'promoter', confirmedAt: null });
    const confirmed = await recordScore(ctx, t, { score: 9, confirm: true, changeWindowMs: WINDOW });
    expect(confirmed.response).toMatchObject({ state: 'confirmed', score: 9, seq: 2 });
    expect(
      (await eventsOf(org, t.responseId)).map((e) => [e.type, e.oldScore, e.newScore, e.wasConfirmed, e.confirmed]),
    ).toEqual([
      ['response.created', null, 9, false, false],
      ['response.updated', 9, 9, false, true],
    ]);
    const replay = await recordScore(ctx, t, { score: 9, confirm: true, changeWindowMs: WINDOW });
    expect(replay).toMatchObject({ changed: false });
    expect(replay.response.seq).toBe(2);
  });

  it('when another link is opened after confirming, then the confirmed score stays; a confirmed change moves it', async () => {
    const t = target();
    const ctx = ctxOf(t, org);
    await recordScore(ctx, t, { score: 3, confirm: true, changeWindowMs: WINDOW });
    const scanned = await recordScore(ctx, t, { score: 10, confirm: false, changeWindowMs: WINDOW });
    expect(scanned).toMatchObject({ changed: false, response: { score: 3, state: 'confirmed' } });
    const moved = await recordScore(ctx, t, { score: 8, confirm: true, changeWindowMs: WINDOW });
    expect(moved.response).toMatchObject({ score: 8, band: 'passive', state: 'confirmed' });
    expect((await eventsOf(org, t.responseId)).at(-1)).toMatchObject({
      oldScore: 3,
      newScore: 8,
      wasConfirmed: true,
      confirmed: true,
    });
    expect(await ResponseModel.countDocuments({ organisationId: org, _id: t.responseId })).toBe(1);
  });

  it('when the change window has passed, then a different score is refused with 409 and nothing moves', async () => {
    const t = target();
    const ctx = ctxOf(t, org);
    await recordScore(ctx, t, { score: 3, confirm: true, changeWindowMs: 0 });
    await expect(recordScore(ctx, t, { score: 9, confirm: true, changeWindowMs: 0 })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await ResponseModel.findOne({ organisationId: org, _id: t.responseId }).lean())!.score).toBe(3);
  });

  it('when the score is off the scale, then it answers validation_failed naming score and stores nothing', async () => {
    const t = target();
    for (const score of [11, -1, 2.5]) {
      await expect(
        recordScore(ctxOf(t, org), t, { score, confirm: true, changeWindowMs: WINDOW }),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        details: [{ path: 'score' }],
      });
    }
    expect(await ResponseModel.findOne({ organisationId: org, _id: t.responseId }).lean()).toBeNull();
  });

  it('when 50 callers submit at once, then one response exists and all get the same answer', async () => {
    const t = target();
    const ctx = ctxOf(t, org);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => recordScore(ctx, t, { score: 6, confirm: true, changeWindowMs: WINDOW })),
    );
    expect(new Set(outcomes.map((o) => String(o.response._id))).size).toBe(1);
    expect(outcomes.every((o) => o.response.score === 6 && o.response.state === 'confirmed')).toBe(true);
    expect(outcomes.filter((o) => o.changed)).toHaveLength(1);
    const stored = await ResponseModel.findOne({ organisationId: org, _id: t.responseId }).lean();
    expect(stored!.pendingEvents).toHaveLength(0);
    expect(await eventsOf(org, t.responseId)).toHaveLength(1);
  });
});
