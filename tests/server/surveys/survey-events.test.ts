import { AuditLogResponse } from '@pulse/shared/schemas/audit';
import type { Survey } from '@pulse/shared/schemas/surveys';

import { DomainEventModel } from '../../../server/src/lib/events/event.model';
import { signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('survey domain events', () => {
  it('when a survey is created, edited, published, paused, resumed, duplicated and archived, then each is one event with ids only, and the audit log records each', async () => {
    const owner = await signUpOwner(h.app);
    const created = await owner.agent
      .post('/api/v1/surveys')
      .send({ name: 'After support', templateId: 'post-support-csat' })
      .expect(201);
    const survey = created.body.survey as Survey;
    const edited = { ...survey.draft, primary: { ...survey.draft.primary, text: 'How did we do today?' } };
    await owner.agent.put(`/api/v1/surveys/${survey.id}/draft`).send({ revision: 0, definition: edited }).expect(200);
    await owner.agent.post(`/api/v1/surveys/${survey.id}/publish`).send({ revision: 1 }).expect(200);
    await owner.agent.post(`/api/v1/surveys/${survey.id}/pause`).expect(200);
    await owner.agent.post(`/api/v1/surveys/${survey.id}/resume`).expect(200);
    const copy = (await owner.agent.post(`/api/v1/surveys/${survey.id}/duplicate`).expect(201)).body.survey as Survey;
    await owner.agent.post(`/api/v1/surveys/${survey.id}/archive`).expect(200);

    const events = (
      await DomainEventModel.find({ organisationId: owner.organisationId }).sort({ _id: 1 }).lean()
    ).filter((e) => e.type.startsWith('survey.'));
    expect(events.map((e) => [e.type, e.data.surveyId])).toEqual([
      ['survey.created', survey.id],
      ['survey.updated', survey.id],
      ['survey.published', survey.id],
      ['survey.paused', survey.id],
      ['survey.resumed', survey.id],
      ['survey.duplicated', copy.id],
      ['survey.archived', survey.id],
    ]);
    expect(events.find((e) => e.type === 'survey.duplicated')!.data.sourceSurveyId).toBe(survey.id);
    // Ids and a few words for the audit log, never the definition (it can hold a megabyte of text).
    for (const event of events) expect(JSON.stringify(event.data)).not.toContain('How did we do today?');

    await h.eventsSettled();
    const log = AuditLogResponse.parse((await owner.agent.get('/api/v1/audit-log?limit=20').expect(200)).body);
    expect(log.events.map((e) => e.action).filter((a) => a.startsWith('survey.'))).toEqual([
      'survey.archived',
      'survey.duplicated',
      'survey.resumed',
      'survey.paused',
      'survey.published',
      'survey.updated',
      'survey.created',
    ]);
  });
});
