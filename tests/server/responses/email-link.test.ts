import request from 'supertest';

import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import { ResponseModel } from '../../../server/src/modules/responses/response.model';
import { signUpOwner } from '../../factories/accounts';
import { buildInvitation } from '../../factories/responses';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let org: string;
beforeAll(async () => {
  h = await startHarness();
  org = (await signUpOwner(h.app)).organisationId;
});
afterAll(() => h.close());

const invite = (extra: Partial<Parameters<typeof buildInvitation>[0]> = {}) =>
  buildInvitation({ org, secretKey: h.config.SECRET_KEY, ...extra });
const responseOf = (id: string) => ResponseModel.findOne({ organisationId: org, _id: id }).lean();
const stateOf = async (id: string) =>
  (await SurveyInvitationModel.findOne({ organisationId: org, _id: id }).lean())!.state;

describe('a score link from the survey email', () => {
  it('when it is only opened, then the score is provisional and the page offers the follow-ups', async () => {
    const inv = await invite();
    const res = await request(h.app).get(`/r/${inv.token}?score=9`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('What is the main reason for your score?');
    expect(res.text).toContain(`data-pulse-confirm="/r/${inv.token}/confirm"`);
    expect(res.text).toContain('<script src="/respondent.js" defer>');
    expect(await responseOf(inv.id)).toMatchObject({
      state: 'provisional',
      score: 9,
      channel: 'email',
      surveyVersion: 1,
    });
    expect(await stateOf(inv.id)).toBe('clicked');
  });

  it('when the page confirms and the follow-up is sent, then it counts with touchpoint, contact snapshot and comment as text', async () => {
    const inv = await invite({ attributes: { plan: 'enterprise' } });
    await request(h.app).get(`/r/${inv.token}?score=4`).expect(200);
    await request(h.app)
      .post(`/r/${inv.token}/confirm`)
      .send({ score: 4 })
      .expect(200, { state: 'confirmed', score: 4 });
    expect(await stateOf(inv.id)).toBe('responded');
    const comment = '<script>alert(1)</script> slow delivery';
    const done = await request(h.app)
      .post(`/r/${inv.token}`)
      .type('form')
      .send({ step: 'answers', score: '4', band: 'detractor', 'q.reason': comment })
      .expect(200);
    expect(done.text).toContain('Thank you!');
    expect(done.text).not.toContain('<script>alert');
    const stored = await responseOf(inv.id);
    expect(stored).toMatchObject({
      state: 'confirmed',
      score: 4,
      band: 'detractor',
      touchpointId: expect.anything(),
      touchpointKey: inv.touchpoint.key,
      contactAttributes: { plan: 'enterprise' },
      comment,
    });
    expect(String(stored!.touchpointId)).toBe(inv.touchpoint.id);
    expect(stored!.completedAt).toBeInstanceOf(Date);
  });

  it('when scripts are off, then the plain form confirms the score and stores the answer', async () => {
    const inv = await invite();
    await request(h.app).get(`/r/${inv.token}?score=10`).expect(200);
    await request(h.app)
      .post(`/r/${inv.token}`)
      .type('form')
      .send({ step: 'answers', score: '10', 'q.reason': '' })
      .expect(200);
    expect(await responseOf(inv.id)).toMatchObject({ state: 'confirmed', score: 10, answers: [] });
  });

  it('when the token is forged or unknown, then a friendly page in the browser language answers 404', async () => {
    const inv = await invite();
    const forged = inv.token.slice(0, -3) + 'AAA';
    const res = await request(h.app).get(`/r/${forged}?score=9`).set('Accept-Language', 'fr-FR,fr;q=0.9').expect(404);
    expect(res.text).toContain('Ce lien ne fonctionne pas');
    await request(h.app).get('/r/nonsense').expect(404);
    await request(h.app).post(`/r/${forged}/confirm`).send({ score: 9 }).expect(404);
    expect(await responseOf(inv.id)).toBeNull();
  });

  it('when the mail is clicked before its send recorded it (the invitation still queued), then the score is kept', async () => {
    const inv = await invite();
    await SurveyInvitationModel.updateOne({ organisationId: org, _id: inv.id }, { $set: { state: 'queued' } });
    await request(h.app).get(`/r/${inv.token}?score=8`).expect(200);
    expect(await responseOf(inv.id)).toMatchObject({ state: 'provisional', score: 8 });
  });

  it('when the invitation has expired, then the survey-language page says it closed and nothing is stored', async () => {
    const inv = await invite({ expiresAt: new Date(Date.now() - 1000) });
    const res = await request(h.app).get(`/r/${inv.token}?score=9`).expect(410);
    expect(res.text).toContain('This survey has closed');
    expect(await responseOf(inv.id)).toBeNull();
  });

  it.each([
    ['an out-of-range score', { step: 'answers', score: '11' }],
    ['an unknown question', { step: 'answers', score: '9', 'q.nope': 'x' }],
    ['an oversize comment', { step: 'answers', score: '9', 'q.reason': 'x'.repeat(2001) }],
  ])('when the form sends %s, then it answers 400 with the page and stores nothing', async (_name, body) => {
    const inv = await invite();
    const res = await request(h.app).post(`/r/${inv.token}`).type('form').send(body).expect(400);
    expect(res.text).toMatch(/class="summary" role="alert"/);
    expect(await responseOf(inv.id)).toBeNull();
  });

  it('when the confirmation body is bad, then 400 names body.score', async () => {
    const inv = await invite();
    const res = await request(h.app).post(`/r/${inv.token}/confirm`).send({ score: 'nine' }).expect(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.score' }] });
    await request(h.app).post(`/r/${inv.token}/confirm`).send({ score: 42 }).expect(400);
    expect(await responseOf(inv.id)).toBeNull();
  });

  it('when a confirmation is replayed, then the same answer comes back and nothing new is stored', async () => {
    const inv = await invite();
    await request(h.app).post(`/r/${inv.token}/confirm`).send({ score: 7 }).expect(200);
    await request(h.app)
      .post(`/r/${inv.token}/confirm`)
      .send({ score: 7 })
      .expect(200, { state: 'confirmed', score: 7 });
    expect((await responseOf(inv.id))!.seq).toBe(1);
  });
});
