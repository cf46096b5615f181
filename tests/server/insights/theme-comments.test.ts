import { Types } from 'mongoose';

import { systemContext } from '../../../server/src/lib/context';
import { InsightContributionModel } from '../../../server/src/modules/insights/insights.model';
import { recordAnswers, recordScore } from '../../../server/src/modules/responses/responses.service';
import { signUpOwner, type Teammate } from '../../factories/accounts';
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
const delivery = new Types.ObjectId().toHexString();

/** Answers as the respondent pages store them; the response events feed the counters. */
async function answered(owner: Teammate, score: number, text: string, touchpointId = delivery) {
  const ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  const responseId = new Types.ObjectId();
  // A published survey: the rollups, fed by the same events, read the answered version's scale.
  const survey = await buildSurvey({ org: owner.organisationId, kind: 'nps' });
  await recordScore(
    ctx,
    {
      responseId,
      survey: { id: survey.id, version: survey.version, kind: 'nps', scale: { min: 0, max: 10 } },
      touchpointId,
      touchpointKey: 'delivery',
      channel: 'email',
      invitationId: null,
      contactId: null,
      language: 'en',
    },
    { score, confirm: true, changeWindowMs: WINDOW },
  );
  await recordAnswers(ctx, responseId, {
    answers: [{ questionId: 'why', text, rating: null, other: null }],
    comment: text,
    changeWindowMs: WINDOW,
  });
  return responseId.toHexString();
}

describe('the comments behind a theme', () => {
  let owner: Teammate;
  let late: string;
  beforeAll(async () => {
    owner = await signUpOwner(h.app);
    late = await answered(owner, 2, 'The driver was late. Drivers never ring!');
    await answered(owner, 9, 'Lovely packaging, thank you.');
    await answered(owner, 3, 'Our courier left the parcel in the rain.');
    await answered(owner, 1, 'The driver was rude.', new Types.ObjectId().toHexString());
    await h.eventsSettled();
    await until(
      () => InsightContributionModel.countDocuments({ organisationId: owner.organisationId }),
      (n) => n === 4,
      20_000,
    );
  }, 120_000);

  test('when a theme is asked for, then its comments come back with every form of its word marked', async () => {
    const res = await owner.agent
      .get('/api/v1/insights/comments')
      .query({ theme: 'driver', touchpointId: delivery })
      .expect(200);
    expect(res.body.theme).toBe('driver');
    expect(res.body.comments).toHaveLength(1);
    const [c] = res.body.comments;
    expect(c).toMatchObject({ responseId: late, band: 'detractor', touchpointId: delivery });
    const marked = c.highlights.map(([start, end]: [number, number]) => c.text.slice(start, end));
    expect(marked).toEqual(['driver', 'Drivers']);
  });

  test('a merged synonym brings its comments under the theme, marked too', async () => {
    await owner.agent
      .post('/api/v1/insights/vocabulary')
      .send({ language: 'en', label: 'Delivery staff', synonyms: ['driver', 'courier'] })
      .expect(200);
    const res = await owner.agent.get('/api/v1/insights/comments').query({ theme: 'driver' }).expect(200);
    const marked = res.body.comments.map((c: { text: string; highlights: [number, number][] }) =>
      c.highlights.map(([s, e]) => c.text.slice(s, e)).join(','),
    );
    expect(marked.sort()).toEqual(['courier', 'driver', 'driver,Drivers']);
  });

  test('bad input answers 400 with the field, and another organisation sees no comment', async () => {
    const bad = await owner.agent.get('/api/v1/insights/comments').query({ limit: 500, theme: 'x' }).expect(400);
    expect(bad.body.error.details[0].path).toBe('query.limit');
    const missing = await owner.agent.get('/api/v1/insights/comments').expect(400);
    expect(missing.body.error.details[0].path).toBe('query.theme');
    const other = await signUpOwner(h.app);
    await other.agent
      .get('/api/v1/insights/comments')
      .query({ theme: 'driver' })
      .expect(200, { theme: 'driver', comments: [] });
  });
});
