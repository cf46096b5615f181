import request from 'supertest';

import { RecordResponseResult } from '@pulse/shared/schemas/responses';

import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
import { ResponseModel } from '../../../server/src/modules/responses/response.model';
import { createApiKey, signUpOwner, type Teammate } from '../../factories/accounts';
import { buildContact, buildTouchpoint } from '../../factories/distribution';
import { buildSurvey, type BuiltSurvey } from '../../factories/surveys';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
let org: string;
let survey: BuiltSurvey;
let writeKey: string;
beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  org = owner.organisationId;
  survey = await buildSurvey({ org });
  await buildTouchpoint({ org, key: 'kiosk-exit', rules: { surveyId: survey.id } });
  writeKey = (await createApiKey(owner, ['responses:write'])).secret;
});
afterAll(() => h.close());

const post = (body: Record<string, unknown>, secret = writeKey) =>
  request(h.app).post('/api/v1/responses').set('Authorization', `Bearer ${secret}`).send(body);

describe('POST /api/v1/responses', () => {
  it('when a system reports a score with a comment for a contact by external id, then it is stored confirmed against the touchpoint', async () => {
    const res = await post({
      touchpointKey: 'kiosk-exit',
      externalId: 'cust-9001',
      channel: 'kiosk',
      score: 9,
      answers: { reason: 'Friendly staff' },
      answeredAt: '2026-11-30T10:00:00.000Z',
    }).expect(201);
    const { response, replayed } = RecordResponseResult.parse(res.body);
    expect(replayed).toBe(false);
    expect(response).toMatchObject({
      channel: 'kiosk',
      score: 9,
      band: 'promoter',
      state: 'confirmed',
      touchpointKey: 'kiosk-exit',
      surveyVersion: 1,
      comment: 'Friendly staff',
      answeredAt: '2026-11-30T10:00:00.000Z',
    });
    const contact = await ContactModel.findOne({ organisationId: org, externalId: 'cust-9001' }).lean();
    expect(response.contactId).toBe(String(contact!._id));
    expect(await ResponseModel.countDocuments({ organisationId: org, _id: response.id })).toBe(1);
  });

  it('when the same idempotency key is sent again, even concurrently, then there is one response and the retry says replayed', async () => {
    const contact = await buildContact({ org });
    const body = {
      touchpointKey: 'kiosk-exit',
      contactId: contact.id,
      channel: 'phone',
      score: 3,
      idempotencyKey: 'call-77',
    };
    const racing = await Promise.all([post(body), post(body), post(body)]);
    expect(racing.map((r) => r.status).every((s) => s === 200 || s === 201)).toBe(true);
    const ids = new Set(racing.map((r) => r.body.response.id));
    expect(ids.size).toBe(1);
    const again = await post({ ...body, score: 10 }).expect(200);
    expect(again.body).toMatchObject({ replayed: true, response: { score: 3, channel: 'phone' } });
    expect(await ResponseModel.countDocuments({ organisationId: org, contactId: contact.id })).toBe(1);
  });

  it.each([
    ['an unknown touchpoint', { touchpointKey: 'nowhere' }, 'body.touchpointKey'],
    ['a score off the scale', { score: 11 }, 'body.score'],
    ['a question the survey does not ask', { answers: { coupon: 'x' } }, 'body.answers.coupon'],
    ['a channel that is Pulse’s own', { channel: 'email' }, 'body.channel'],
    ['a contact of no one', { contactId: '0123456789abcdef01234567' }, 'body.contactId'],
    ['a comment over the limit', { answers: { reason: 'x'.repeat(2001) } }, 'body.answers.reason'],
  ])('when the body has %s, then 400 names the field and nothing is stored', async (_label, extra, path) => {
    const before = await ResponseModel.countDocuments({ organisationId: org });
    const res = await post({ touchpointKey: 'kiosk-exit', channel: 'in_app', score: 5, ...extra }).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details[0].path).toBe(path);
    expect(await ResponseModel.countDocuments({ organisationId: org })).toBe(before);
  });

  it('when the API key lacks responses:write, then 403', async () => {
    const readOnly = (await createApiKey(owner, ['responses:read'])).secret;
    await post({ touchpointKey: 'kiosk-exit', channel: 'in_app', score: 5 }, readOnly).expect(403);
  });
});
