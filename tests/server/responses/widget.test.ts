import request from 'supertest';

import { blankDefinition } from '@pulse/shared/surveys/blank';

import { ResponseModel } from '../../../server/src/modules/responses/response.model';
import { readState, signState } from '../../../server/src/modules/responding/web-state';
import { signUpOwner, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { buildSurvey, type BuiltSurvey } from '../../factories/surveys';
import { startHarness, type Harness } from '../../setup/harness';

const SITE = 'https://shop.example.com';

let h: Harness;
let owner: Teammate;
let org: string;
let survey: BuiltSurvey;
beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  org = owner.organisationId;
  survey = await buildSurvey({ org, definition: { ...blankDefinition('csat'), hiddenFields: [{ name: 'orderId' }] } });
  await buildTouchpoint({ org, key: 'checkout', rules: { surveyId: survey.id, fatigueDays: 30 } });
  await owner.agent
    .patch('/api/v1/organisation')
    .send({ widgetOrigins: [SITE] })
    .expect(200);
});
afterAll(() => h.close());
afterEach(() => ResponseModel.deleteMany({ organisationId: org }));

const surveyFrom = (origin: string, query = '?touchpoint=checkout&contact=cust-42&orderId=1001') =>
  request(h.app).get(`/w/${org}/survey${query}`).set('Origin', origin);

/** The state as the widget would send it back a few seconds after showing the survey. */
const aged = (state: string) => {
  const read = readState(state, h.config.SECRET_KEY)!;
  return signState({ ...read, shownAt: read.shownAt - 5_000 }, h.config.SECRET_KEY);
};

const answer = (body: Record<string, unknown>, origin = SITE) =>
  request(h.app).post(`/w/${org}/responses`).set('Origin', origin).send(body);

describe('the website widget', () => {
  it('when an allowed site asks for a touchpoint survey, then CORS names that site only, without credentials', async () => {
    const res = await surveyFrom(SITE).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toMatch(/Origin/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.body).toMatchObject({
      language: 'en',
      dir: 'ltr',
      primary: { kind: 'csat', scale: { min: 1, max: 5 } },
      bands: { '1': 'low', '3': 'neutral', '5': 'high' },
      fatigueDays: 30,
    });
    expect(readState(res.body.state, h.config.SECRET_KEY)).toMatchObject({
      channel: 'widget',
      touchpointKey: 'checkout',
      hidden: { orderId: '1001', contact: 'cust-42' },
    });

    const preflight = await request(h.app)
      .options(`/w/${org}/responses`)
      .set('Origin', SITE)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, POST');
    expect(preflight.headers['access-control-allow-headers']).toBe('Content-Type');
  });

  it('when a site that is not on the organisation’s list asks, then it gets 403 and no CORS header', async () => {
    const res = await surveyFrom('https://evil.example').expect(403);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const post = await answer({ state: 'x', step: 'score', score: 4 }, 'https://evil.example').expect(403);
    expect(post.headers['access-control-allow-origin']).toBeUndefined();
    expect(await ResponseModel.countDocuments({ organisationId: org })).toBe(0);
  });

  it('when the visitor answers the score then the follow-up, then one widget response records touchpoint, contact reference and hidden fields', async () => {
    const shown = await surveyFrom(SITE).expect(200);
    const state = aged(shown.body.state);
    await answer({ state, step: 'score', score: 2 }).expect(200, { next: 'followUps', band: 'low' });
    await answer({ state, step: 'answers', score: 2, answers: { reason: 'Card declined twice' } }).expect(200, {
      next: 'thankYou',
      band: 'low',
    });
    const stored = await ResponseModel.find({ organisationId: org }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      channel: 'widget',
      state: 'confirmed',
      score: 2,
      band: 'low',
      touchpointKey: 'checkout',
      surveyVersion: 1,
      hidden: { orderId: '1001', contact: 'cust-42' },
      comment: 'Card declined twice',
    });
  });

  it.each([
    ['the honeypot is filled', (state: string) => ({ state: aged(state), step: 'answers', score: 5, website: 'x' })],
    ['it answers at once', (state: string) => ({ state, step: 'answers', score: 5 })],
  ])('when %s, then the bot is thanked and nothing is stored', async (_label, body) => {
    const shown = await surveyFrom(SITE).expect(200);
    await answer(body(shown.body.state)).expect(200, { next: 'thankYou', band: 'high' });
    expect(await ResponseModel.countDocuments({ organisationId: org })).toBe(0);
  });

  it.each([
    ['a score off the scale', { step: 'score', score: 9 }, 'body.score'],
    [
      'a question the survey does not ask',
      { step: 'answers', score: 5, answers: { coupon: 'x' } },
      'body.answers.coupon',
    ],
    ['an unknown field', { step: 'score', score: 5, admin: true }, 'body'],
  ])('when the answer has %s, then 400 names the field and nothing is stored', async (_label, extra, path) => {
    const shown = await surveyFrom(SITE).expect(200);
    const res = await answer({ state: aged(shown.body.state), ...extra }).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details[0].path).toBe(path);
    expect(res.headers['access-control-allow-origin']).toBe(SITE);
    expect(await ResponseModel.countDocuments({ organisationId: org })).toBe(0);
  });

  it('when the query names an undeclared hidden field or an unknown touchpoint, then 400 or 404', async () => {
    const bad = await surveyFrom(SITE, '?touchpoint=checkout&coupon=FREE').expect(400);
    expect(bad.body.error.details[0]).toEqual({
      path: 'query.coupon',
      message: 'is not a hidden field of this survey',
    });
    await surveyFrom(SITE, '?touchpoint=nowhere').expect(404);
  });

  it('serves the script to any site, and keeps strict headers everywhere else', async () => {
    const script = await request(h.app).get('/widget.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');
    const page = await request(h.app).get(`/s/${survey.key}`).set('Origin', SITE).expect(200);
    expect(page.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    const api = await request(h.app).get('/api/v1/responses').set('Origin', SITE);
    expect(api.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the demo host page', () => {
  it('is served outside production, loading the widget for the organisation and touchpoint named', async () => {
    const res = await request(h.app).get(`/dev/widget-demo?org=${org}&touchpoint=checkout`).expect(200);
    expect(res.text).toContain(`<script src="${h.config.PUBLIC_URL}/widget.js" data-org="${org}"></script>`);
    expect(res.text).toContain('"touchpoint":"checkout"');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self' \S+ 'nonce-/);
  });
});

describe('the allowed sites setting', () => {
  it.each([
    ['a path', 'https://shop.example.com/checkout'],
    ['plain http on a public host', 'http://shop.example.com'],
    ['a trailing slash', 'https://shop.example.com/'],
    ['not a URL', 'shop'],
  ])('when an origin has %s, then 400 names it and nothing changes', async (_label, origin) => {
    const res = await owner.agent
      .patch('/api/v1/organisation')
      .send({ widgetOrigins: [SITE, origin] })
      .expect(400);
    expect(res.body.error.details[0].path).toBe('body.widgetOrigins.1');
    const now = await owner.agent.get('/api/v1/organisation').expect(200);
    expect(now.body.widgetOrigins).toEqual([SITE]);
  });

  it('accepts localhost over http while a site is developed', async () => {
    await owner.agent
      .patch('/api/v1/organisation')
      .send({ widgetOrigins: [SITE, 'http://localhost:8080'] })
      .expect(200);
    await surveyFrom('http://localhost:8080').expect(200);
    await owner.agent
      .patch('/api/v1/organisation')
      .send({ widgetOrigins: [SITE] })
      .expect(200);
  });
});
