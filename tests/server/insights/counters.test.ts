import { Types } from 'mongoose';

import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { InsightContributionModel, InsightCounterModel } from '../../../server/src/modules/insights/insights.model';
import {
  processComment,
  rebuildCounters,
  type CommentInput,
} from '../../../server/src/modules/insights/insights.service';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const freshCtx = (): Ctx => systemContext({ organisationId: new Types.ObjectId().toHexString(), log: h.log });
const touchpointId = new Types.ObjectId().toHexString();

const comment = (ctx: Ctx, overrides: Partial<CommentInput> = {}): CommentInput => ({
  organisationId: ctx.organisationId,
  responseId: new Types.ObjectId().toHexString(),
  touchpointId,
  language: 'en-GB',
  band: 'detractor',
  comment: 'The delivery was late and the driver was rude.',
  answeredAt: new Date('2026-11-25T10:00:00Z'),
  ...overrides,
});

/** What the counters hold, as term → { mentions, bands, sentiment sum }, zeros left out. */
async function counters(ctx: Ctx) {
  const docs = await InsightCounterModel.find({ organisationId: ctx.organisationId }).lean();
  const out: Record<string, { mentions: number; bands: Record<string, number>; sentiment: number }> = {};
  for (const d of docs) {
    if (d.mentions === 0) continue;
    const bands = Object.fromEntries(Object.entries(d.bands as Record<string, number>).filter(([, v]) => v !== 0));
    out[`${d.week}:${d.term}`] = { mentions: d.mentions, bands, sentiment: Math.round(d.sentimentSum * 1000) / 1000 };
  }
  return out;
}

describe('term counters kept at write time', () => {
  test('when a comment is processed, then each of its terms counts once in its week, band and sentiment', async () => {
    const ctx = freshCtx();
    await processComment(ctx, comment(ctx));
    const c = await counters(ctx);
    expect(Object.keys(c).sort()).toEqual([
      '2026-W48:delivery',
      '2026-W48:delivery+late',
      '2026-W48:driver',
      '2026-W48:driver+rude',
    ]);
    expect(c['2026-W48:delivery']!.mentions).toBe(1);
    expect(c['2026-W48:delivery']!.bands).toEqual({ detractor: 1 });
    expect(c['2026-W48:delivery']!.sentiment).toBeLessThan(0);
    const id = `${ctx.organisationId}:${touchpointId}:en:2026-W48:delivery`;
    expect(await InsightCounterModel.findOne({ _id: id, organisationId: ctx.organisationId }).lean()).toMatchObject({
      label: 'delivery',
      kind: 'aspect',
      language: 'en',
    });
  });

  test('when the same comment is processed again, then nothing changes', async () => {
    const ctx = freshCtx();
    const input = comment(ctx);
    await processComment(ctx, input);
    const before = await counters(ctx);
    expect(await processComment(ctx, input)).toEqual({ changed: false, terms: 4 });
    expect(await counters(ctx)).toEqual(before);
  });

  test('when the score or the comment changes, then the counts move instead of adding up', async () => {
    const ctx = freshCtx();
    const input = comment(ctx);
    await processComment(ctx, input);
    await processComment(ctx, { ...input, band: 'promoter', comment: 'The driver was lovely.' });
    const c = await counters(ctx);
    expect(Object.keys(c).sort()).toEqual(['2026-W48:driver', '2026-W48:driver+lovely']);
    expect(c['2026-W48:driver']!.bands).toEqual({ promoter: 1 });
  });

  test('when a comment is emptied, then it no longer counts anywhere', async () => {
    const ctx = freshCtx();
    const input = comment(ctx);
    await processComment(ctx, input);
    await processComment(ctx, { ...input, comment: '   ' });
    expect(await counters(ctx)).toEqual({});
    expect(await InsightContributionModel.countDocuments({ organisationId: ctx.organisationId })).toBe(0);
  });

  test('a rebuild recomputes the same counters and repairs a broken one', async () => {
    const ctx = freshCtx();
    await processComment(ctx, comment(ctx));
    await processComment(ctx, comment(ctx, { band: 'passive', comment: 'Delivery was fine.' }));
    await processComment(ctx, comment(ctx, { comment: 'Le livreur était impoli', language: 'fr' }));
    const expected = await counters(ctx);
    expect(expected['2026-W48:delivery']).toMatchObject({ mentions: 2, bands: { detractor: 1, passive: 1 } });
    const broken = `${ctx.organisationId}:${touchpointId}:en:2026-W48:delivery`;
    await InsightCounterModel.updateOne({ _id: broken, organisationId: ctx.organisationId }, { $inc: { mentions: 5 } });
    await InsightCounterModel.create({
      _id: `${ctx.organisationId}:-:en:2026-W01:ghost`,
      organisationId: ctx.organisationId,
      language: 'en',
      week: '2026-W01',
      term: 'ghost',
      label: 'ghost',
      kind: 'aspect',
      mentions: 3,
    });
    expect(await rebuildCounters(ctx)).toEqual({ counters: Object.keys(expected).length, comments: 3 });
    expect(await counters(ctx)).toEqual(expected);
  });

  test('a rebuild with no counters stored writes them all again', async () => {
    const ctx = freshCtx();
    await processComment(ctx, comment(ctx));
    await processComment(ctx, comment(ctx, { band: 'promoter', comment: 'Delivery was quick, lovely driver.' }));
    const expected = await counters(ctx);
    await InsightCounterModel.deleteMany({ organisationId: ctx.organisationId });
    expect(await rebuildCounters(ctx)).toEqual({ counters: Object.keys(expected).length, comments: 2 });
    expect(await counters(ctx)).toEqual(expected);
  });

  test('another organisation never sees these counters', async () => {
    const a = freshCtx();
    const b = freshCtx();
    await processComment(a, comment(a));
    expect(await counters(b)).toEqual({});
  });

  test('when many comments of one week are applied at the same moment, then no count is lost or doubled', async () => {
    const ctx = freshCtx();
    const texts = ['The delivery was late.', 'Delivery was quick.', 'The driver was rude.', 'Lovely driver.'];
    const inputs = Array.from({ length: 24 }, (_, i) =>
      comment(ctx, { comment: texts[i % texts.length]!, band: i % 3 === 0 ? 'promoter' : 'detractor' }),
    );
    // Every one at once, and the first eight twice more with a changed score: the replays must move,
    // not add.
    await Promise.all([
      ...inputs.map((input) => processComment(ctx, input)),
      ...inputs.slice(0, 8).map((input) => processComment(ctx, { ...input, band: 'passive' })),
      ...inputs.slice(0, 8).map((input) => processComment(ctx, { ...input, band: 'passive' })),
    ]);
    const live = await counters(ctx);
    expect(live['2026-W48:delivery']!.mentions).toBe(12);
    expect(live['2026-W48:driver']!.mentions).toBe(12);
    const bands = (term: string) => live[`2026-W48:${term}`]!.bands;
    const sum = (b: Record<string, number>) => Object.values(b).reduce((a, n) => a + n, 0);
    expect(sum(bands('delivery'))).toBe(12);
    expect(sum(bands('driver'))).toBe(12);
    // Concurrent writes agree with a rebuild from the contributions, term by term.
    await rebuildCounters(ctx);
    expect(await counters(ctx)).toEqual(live);
  }, 120_000);
});
