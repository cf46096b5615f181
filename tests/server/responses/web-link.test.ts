import request from 'supertest';

import { blankDefinition } from '@pulse/shared/surveys/blank';

import { ResponseModel } from '../../../server/src/modules/responses/response.model';
import { readState, signState } from '../../../server/src/modules/responding/web-state';
import { signUpOwner } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { buildSurvey, type BuiltSurvey } from '../../factories/surveys';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let org: string;
let survey: BuiltSurvey;
let touchpoint: { key: string; id: string };
beforeAll(async () => {
  // One proxy hop: each test answers from its own client address, so per-IP budgets do not mix.
  h = await startHarness({ TRUST_PROXY_HOPS: '1', RATE_LIMIT_WEB_SURVEY: '3', WEB_SURVEY_MIN_SECONDS: '2' });
  org = (await signUpOwner(h.app)).organisationId;
  survey = await buildSurvey({ org, definition: { ...blankDefinition('nps'), hiddenFields: [{ name: 'orderId' }] } });
  touchpoint = await buildTouchpoint({ org, key: 'checkout', rules: { surveyId: survey.id } });
});
afterAll(() => h.close());
afterEach(() => ResponseModel.deleteMany({ organisationId: org }));

let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

const stateIn = (html: string) => /name="state" value="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');

/** The page's state as a person would send it back: shown `secondsAgo` seconds ago. */
function shownAgo(html: string, secondsAgo: number) {
  const state = readState(stateIn(html), h.config.SECRET_KEY)!;
  return signState({ ...state, shownAt: state.shownAt - secondsAgo * 1000 }, h.config.SECRET_KEY);
}

const responsesOf = async (surveyId: string) => ResponseModel.find({ organisationId: org, surveyId }).lean();

async function open(query: string, ip = freshIp(), s = survey) {
  const res = await request(h.app).get(`/s/${s.key}${query}`).set('X-Forwarded-For', ip);
  return { res, ip };
}

describe('a web link survey', () => {
  it('when a person answers the score and the follow-up, then one confirmed anonymous response records touchpoint, channel, version and hidden fields', async () => {
    const { res, ip } = await open('?touchpoint=checkout&channel=kiosk&orderId=A-1001');
    expect(res.status).toBe(200);
    expect(res.text).toContain(`action="/s/${survey.key}"`);
    expect(res.text).toMatch(/<div class="hp" aria-hidden="true"><label for="website">/);
    expect(res.text).toContain('<script src="/respondent.js" defer>');
    expect(await responsesOf(survey.id)).toHaveLength(0);

    const state = shownAgo(res.text, 5);
    const followUps = await request(h.app)
      .post(`/s/${survey.key}`)
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ state, score: '10', website: '' })
      .expect(200);
    expect(followUps.text).toContain('What is the main reason for your score?');
    const done = await request(h.app)
      .post(`/s/${survey.key}`)
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({
        state: stateIn(followUps.text),
        step: 'answers',
        score: '10',
        'q.reason': 'Quick <b>checkout</b>',
        website: '',
      })
      .expect(200);
    expect(done.text).toContain('Thank you!');

    const stored = await responsesOf(survey.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      state: 'confirmed',
      score: 10,
      band: 'promoter',
      channel: 'kiosk',
      surveyVersion: 1,
      touchpointKey: 'checkout',
      invitationId: null,
      contactId: null,
      hidden: { orderId: 'A-1001' },
      comment: 'Quick <b>checkout</b>',
    });
    expect(String(stored[0]!.touchpointId)).toBe(touchpoint.id);
    expect(stored[0]!.completedAt).toBeInstanceOf(Date);
  });

  it('when the same form is sent twice (a double click, a replay), then it records one response', async () => {
    const { res, ip } = await open('');
    const state = shownAgo(res.text, 5);
    const send = () =>
      request(h.app)
        .post(`/s/${survey.key}`)
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({ state, score: '7', step: 'answers' });
    const results = await Promise.all([send(), send()]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const stored = await responsesOf(survey.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ score: 7, channel: 'link', touchpointId: null });
    expect(stored[0]!.hidden ?? {}).toEqual({});
  });

  it.each([
    ['a query parameter the survey does not declare', '?coupon=FREE'],
    ['an unknown touchpoint', '?touchpoint=nowhere'],
    ['a channel an anonymous page may not claim', '?channel=email'],
    ['a hidden field given twice', '?orderId=1&orderId=2'],
    ['a hidden field over 200 characters', `?orderId=${'x'.repeat(201)}`],
  ])('when the link carries %s, then a friendly page answers 400', async (_label, query) => {
    const { res } = await open(query);
    expect(res.status).toBe(400);
    expect(res.text).toContain('This link does not work');
    expect(res.text).not.toContain('name="state"');
  });

  it('when the key names no survey, then a friendly page answers 404', async () => {
    const res = await request(h.app).get('/s/AAAAAAAAAAAA').expect(404);
    expect(res.text).toContain('This link does not work');
  });

  it('when the survey is paused, then the page says it has closed', async () => {
    const paused = await buildSurvey({ org, status: 'paused' });
    const { res } = await open('', freshIp(), paused);
    expect(res.status).toBe(410);
    expect(res.text).toContain('This survey has closed');
  });

  describe('against bots', () => {
    it('when the honeypot is filled, then the bot sees a thank-you and nothing is stored', async () => {
      const { res, ip } = await open('?orderId=bot');
      const answer = await request(h.app)
        .post(`/s/${survey.key}`)
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({ state: shownAgo(res.text, 30), score: '0', website: 'https://spam.example' })
        .expect(200);
      expect(answer.text).toContain('Thank you!');
      expect(await responsesOf(survey.id)).toHaveLength(0);
    });

    it('when the answer comes sooner than a person could read the question, then it is refused the same way', async () => {
      const { res, ip } = await open('');
      const answer = await request(h.app)
        .post(`/s/${survey.key}`)
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({ state: stateIn(res.text), score: '0', step: 'answers' })
        .expect(200);
      expect(answer.text).toContain('Thank you!');
      expect(await responsesOf(survey.id)).toHaveLength(0);
    });

    it('when the page state is altered (another response id, a forged origin), then nothing is stored', async () => {
      const { res, ip } = await open('');
      const [body] = shownAgo(res.text, 5).split('.');
      const forged = `${body}.${'A'.repeat(43)}`;
      const answer = await request(h.app)
        .post(`/s/${survey.key}`)
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({ state: forged, score: '9', step: 'answers' })
        .expect(400);
      expect(answer.text).toContain('This link does not work');
      expect(await responsesOf(survey.id)).toHaveLength(0);
    });

    it('when one address sends more answers than RATE_LIMIT_WEB_SURVEY in 10 minutes, then the next one waits with 429', async () => {
      const ip = freshIp();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const { res } = await open('', ip);
        const answer = await request(h.app)
          .post(`/s/${survey.key}`)
          .set('X-Forwarded-For', ip)
          .type('form')
          .send({ state: shownAgo(res.text, 5), score: '5', step: 'answers' });
        statuses.push(answer.status);
        if (answer.status === 429) {
          expect(answer.headers['retry-after']).toMatch(/^\d+$/);
          expect(answer.text).toContain('Too many answers from here');
        }
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(await responsesOf(survey.id)).toHaveLength(3);
    });
  });
});
