import { isDeepStrictEqual } from 'node:util';

import { Types } from 'mongoose';

import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { InsightContributionModel, InsightCounterModel } from '../../../server/src/modules/insights/insights.model';
import { recordAnswers, recordScore } from '../../../server/src/modules/responses/responses.service';
import { buildOrganisation } from '../../factories/db';
import { buildSurvey } from '../../factories/surveys';
import { startHarness, type Harness } from '../../setup/harness';
import { until } from '../../setup/until';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

const WINDOW = 60_000;

/** A confirmed NPS response on an English survey, stored as the respondent pages store it. */
async function answer(score: number) {
  // A real organisation and survey: the rollups, fed by the same events, read its zone and scale.
  const organisation = await buildOrganisation();
  const ctx = systemContext({ organisationId: String(organisation._id), log: h.log });
  const responseId = new Types.ObjectId();
  const survey = await buildSurvey({ org: ctx.organisationId, kind: 'nps' });
  const target = {
    responseId,
    survey: { id: survey.id, version: survey.version, kind: 'nps' as const, scale: { min: 0, max: 10 } },
    touchpointId: new Types.ObjectId().toHexString(),
    touchpointKey: 'delivery',
    channel: 'email' as const,
    invitationId: null,
    contactId: null,
    language: 'en-GB',
  };
  await recordScore(ctx, target, { score, confirm: true, changeWindowMs: WINDOW });
  return { ctx, target, responseId: responseId.toHexString() };
}

const comment = (ctx: Ctx, responseId: string, text: string | null) =>
  recordAnswers(ctx, responseId, {
    answers: [{ questionId: 'why', text, rating: null, other: null }],
    comment: text,
    changeWindowMs: WINDOW,
  });

/** term → mentions by band, zero counts left out: what the themes read. */
async function counted(ctx: Ctx) {
  await h.eventsSettled();
  const out: Record<string, Record<string, number>> = {};
  for (const c of await InsightCounterModel.find({ organisationId: ctx.organisationId }).lean()) {
    const bands = Object.entries(c.bands as Record<string, number>).filter(([, n]) => n !== 0);
    if (c.mentions !== 0) out[c.term] = Object.fromEntries(bands);
  }
  return out;
}
const settle = (ctx: Ctx, done: (c: Record<string, Record<string, number>>) => boolean) =>
  until(() => counted(ctx), done, 20_000);

/**
 * The counters once they equal `expected`, or as they stand after 20 s: the job writes one term
 * at a time, so waiting for a single term can read the others before they land.
 */
const settleTo = (ctx: Ctx, expected: Record<string, Record<string, number>>) =>
  settle(ctx, (c) => isDeepStrictEqual(c, expected)).catch(() => counted(ctx));

describe('counters fed from response events', () => {
  test('when a response completes with a comment, then its terms are counted under its band', async () => {
    const { ctx, responseId } = await answer(2);
    await comment(ctx, responseId, 'The delivery was late and the driver was rude.');
    const expected = {
      delivery: { detractor: 1 },
      'delivery+late': { detractor: 1 },
      driver: { detractor: 1 },
      'driver+rude': { detractor: 1 },
    };
    expect(await settleTo(ctx, expected)).toEqual(expected);
  });

  test('when the comment changes, then its old contribution is replaced, not added to', async () => {
    const { ctx, responseId } = await answer(3);
    await comment(ctx, responseId, 'The delivery was late.');
    await settle(ctx, (c) => isDeepStrictEqual(c, { delivery: { detractor: 1 }, 'delivery+late': { detractor: 1 } }));
    await comment(ctx, responseId, 'The driver was rude.');
    const expected = { driver: { detractor: 1 }, 'driver+rude': { detractor: 1 } };
    expect(await settleTo(ctx, expected)).toEqual(expected);
  });

  test('when the score changes, then the comment moves to its new band', async () => {
    const { ctx, target, responseId } = await answer(4);
    await comment(ctx, responseId, 'The packaging was lovely.');
    await settle(ctx, (c) =>
      isDeepStrictEqual(c, { packaging: { detractor: 1 }, 'packaging+lovely': { detractor: 1 } }),
    );
    await recordScore(ctx, target, { score: 10, confirm: true, changeWindowMs: WINDOW });
    const expected = { packaging: { promoter: 1 }, 'packaging+lovely': { promoter: 1 } };
    expect(await settleTo(ctx, expected)).toEqual(expected);
  });

  test('when the comment is emptied, then it counts nowhere; a response without one queues nothing', async () => {
    const { ctx, responseId } = await answer(6);
    await comment(ctx, responseId, 'The checkout page was confusing.');
    await settle(ctx, (c) => Object.keys(c).length > 0);
    await comment(ctx, responseId, null);
    expect(await settleTo(ctx, {})).toEqual({});
    expect(await InsightContributionModel.countDocuments({ organisationId: ctx.organisationId })).toBe(0);

    const quiet = await answer(9);
    await comment(quiet.ctx, quiet.responseId, null);
    const jobs = await h.jobs.queues.bulk.getJobs(['waiting', 'active', 'completed', 'delayed', 'failed']);
    expect(jobs.filter((j) => j.name === 'insights.comment' && j.data.responseId === quiet.responseId)).toEqual([]);
  });
});
