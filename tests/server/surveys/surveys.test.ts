import request from 'supertest';

import type { Survey } from '@pulse/shared/schemas/surveys';

import { addTeammate, createApiKey, signUpOwner, type Teammate } from '../../factories/accounts';
import { buildSurvey } from '../../factories/surveys';
import { SurveyModel } from '../../../server/src/modules/surveys/survey.model';
import { getSendableSurvey, getSurveyVersion } from '../../../server/src/modules/surveys/surveys.service';
import { systemContext } from '../../../server/src/lib/context';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
});
afterAll(() => h.close());

const ctxOf = (organisationId: string) => systemContext({ organisationId, log: h.log });

async function createFromTemplate(who: Teammate, templateId = 'post-support-csat'): Promise<Survey> {
  const res = await who.agent.post('/api/v1/surveys').send({ name: 'After support', templateId }).expect(201);
  return res.body.survey as Survey;
}

describe('surveys', () => {
  it('when created from a template, then it is a draft with the template’s definition and a web-link key', async () => {
    const survey = await createFromTemplate(owner);
    expect(survey).toMatchObject({
      status: 'draft',
      kind: 'csat',
      currentVersion: null,
      revision: 0,
      templateId: 'post-support-csat',
    });
    expect(survey.key).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(survey.draft.languages).toEqual(['en', 'fr', 'de', 'es']);
    expect(await getSendableSurvey(ctxOf(owner.organisationId), survey.id)).toBeNull();
  });

  it('when a draft is published, edited and published again, then version 2 is current and version 1 is unchanged', async () => {
    const survey = await createFromTemplate(owner);
    await owner.agent.post(`/api/v1/surveys/${survey.id}/publish`).send({ revision: 0 }).expect(200);
    const v1 = (await owner.agent.get(`/api/v1/surveys/${survey.id}/versions/1`).expect(200)).body.version;

    const edited = { ...survey.draft, primary: { ...survey.draft.primary, text: 'How did {{company}} do today?' } };
    const saved = await owner.agent
      .put(`/api/v1/surveys/${survey.id}/draft`)
      .send({ revision: 0, definition: edited })
      .expect(200);
    expect(saved.body.survey).toMatchObject({
      status: 'active',
      currentVersion: 1,
      revision: 1,
      unpublishedChanges: true,
    });
    // Until published, respondents still get version 1.
    expect((await getSendableSurvey(ctxOf(owner.organisationId), survey.id))?.version).toBe(1);

    const published = await owner.agent.post(`/api/v1/surveys/${survey.id}/publish`).send({ revision: 1 }).expect(200);
    expect(published.body.survey).toMatchObject({ currentVersion: 2, unpublishedChanges: false, status: 'active' });

    const versions = await owner.agent.get(`/api/v1/surveys/${survey.id}/versions`).expect(200);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const again = (await owner.agent.get(`/api/v1/surveys/${survey.id}/versions/1`).expect(200)).body.version;
    expect(again).toEqual(v1);
    expect(again.definition.primary.text).toBe(survey.draft.primary.text);
    const sendable = await getSendableSurvey(ctxOf(owner.organisationId), survey.id);
    expect(sendable).toMatchObject({ id: survey.id, key: survey.key, status: 'active', version: 2 });
    expect(sendable?.definition.primary.text).toBe('How did {{company}} do today?');
    expect((await getSurveyVersion(ctxOf(owner.organisationId), survey.id, 1))?.revision).toBe(0);
  });

  it('when two people save from the same revision, then the second gets 409 with the current revision and the first writer’s draft stays', async () => {
    const survey = await createFromTemplate(owner);
    const editor = await addTeammate(h.app, owner.organisationId, 'editor');
    const first = { ...survey.draft, primary: { ...survey.draft.primary, text: 'First writer' } };
    const second = { ...survey.draft, primary: { ...survey.draft.primary, text: 'Second writer' } };
    await owner.agent.put(`/api/v1/surveys/${survey.id}/draft`).send({ revision: 0, definition: first }).expect(200);
    const res = await editor.agent
      .put(`/api/v1/surveys/${survey.id}/draft`)
      .send({ revision: 0, definition: second })
      .expect(409);
    expect(res.body.error).toMatchObject({
      code: 'conflict',
      details: [{ path: 'body.revision', message: 'The survey is at revision 1' }],
    });
    const stored = await SurveyModel.findOne({ _id: survey.id, organisationId: owner.organisationId }).lean();
    expect(JSON.parse(stored!.draft).primary.text).toBe('First writer');
    expect(stored!.revision).toBe(1);
  });

  it('when a viewer tries to create, edit, publish or archive, then each is 403 and nothing changes', async () => {
    const survey = await createFromTemplate(owner);
    const viewer = await addTeammate(h.app, owner.organisationId, 'viewer');
    await viewer.agent.get(`/api/v1/surveys/${survey.id}`).expect(200);
    const before = await SurveyModel.findOne({ _id: survey.id, organisationId: owner.organisationId }).lean();
    const attempts = [
      viewer.agent.post('/api/v1/surveys').send({ name: 'x', kind: 'nps' }),
      viewer.agent.put(`/api/v1/surveys/${survey.id}/draft`).send({ revision: 0, definition: survey.draft }),
      viewer.agent.post(`/api/v1/surveys/${survey.id}/publish`).send({ revision: 0 }),
      viewer.agent.post(`/api/v1/surveys/${survey.id}/archive`),
    ];
    for (const res of await Promise.all(attempts))
      expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
    expect(await SurveyModel.findOne({ _id: survey.id, organisationId: owner.organisationId }).lean()).toEqual(before);
  });

  it('when the lifecycle runs draft → active → paused → active → archived, then each step is allowed only from its state', async () => {
    const survey = await createFromTemplate(owner, 'relationship-nps');
    const post = (action: string) => owner.agent.post(`/api/v1/surveys/${survey.id}/${action}`);
    expect((await post('pause')).status).toBe(409);
    await post('publish').send({ revision: 0 }).expect(200);
    expect((await post('publish').send({ revision: 0 })).body.error.message).toBe(
      'Nothing changed since the current version',
    );
    expect((await post('pause').expect(200)).body.survey.status).toBe('paused');
    expect((await getSendableSurvey(ctxOf(owner.organisationId), survey.id))?.status).toBe('paused');
    expect((await post('resume').expect(200)).body.survey.status).toBe('active');
    expect((await post('archive').expect(200)).body.survey.status).toBe('archived');
    expect((await post('resume')).status).toBe(409);
    await owner.agent
      .put(`/api/v1/surveys/${survey.id}/draft`)
      .send({ revision: 0, definition: survey.draft })
      .expect(409);
  });

  it('when listing, then search, status filter and cursor paging work, and an API key with surveys:read can read', async () => {
    const other = await signUpOwner(h.app);
    for (const name of ['Support CSAT', 'Delivery CSAT', 'Onboarding CES']) {
      await other.agent
        .post('/api/v1/surveys')
        .send({ name, kind: name.endsWith('CES') ? 'ces' : 'csat' })
        .expect(201);
    }
    const built = await buildSurvey({ org: other.organisationId, kind: 'nps', name: 'Relationship NPS' });
    const names = async (qs: string) =>
      (await other.agent.get(`/api/v1/surveys?${qs}`).expect(200)).body.surveys.map((s: { name: string }) => s.name);
    expect(await names('search=csat')).toEqual(['Delivery CSAT', 'Support CSAT']);
    expect(await names('status=active')).toEqual(['Relationship NPS']);
    const page1 = (await other.agent.get('/api/v1/surveys?limit=3').expect(200)).body;
    const page2 = (await other.agent.get(`/api/v1/surveys?limit=3&cursor=${page1.nextCursor}`).expect(200)).body;
    expect([...page1.surveys, ...page2.surveys].map((s: { name: string }) => s.name)).toEqual([
      'Relationship NPS',
      'Onboarding CES',
      'Delivery CSAT',
      'Support CSAT',
    ]);
    expect(page2.nextCursor).toBeNull();

    const key = await createApiKey(other, ['surveys:read']);
    const bearer = { Authorization: `Bearer ${key.secret}` };
    const read = await request(h.app).get(`/api/v1/surveys/${built.id}`).set(bearer).expect(200);
    expect(read.body.survey).toMatchObject({ id: built.id, status: 'active', currentVersion: 1 });
    await request(h.app).get(`/api/v1/surveys/${built.id}/versions/1`).set(bearer).expect(200);
    const write = await request(h.app).post('/api/v1/surveys').set(bearer).send({ name: 'x', kind: 'nps' }).expect(403);
    expect(write.body.error.code).toBe('forbidden');
  });
});
