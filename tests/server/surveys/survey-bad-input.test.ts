import type { Survey } from '@pulse/shared/schemas/surveys';
import { blankDefinition } from '@pulse/shared/surveys/blank';

import { signUpOwner, type Teammate } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { SurveyModel } from '../../../server/src/modules/surveys/survey.model';
import { BAD_DEFINITIONS, validCes } from './definition-cases';

let h: Harness;
let owner: Teammate;
let survey: Survey;
beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  survey = (
    await owner.agent
      .post('/api/v1/surveys')
      .send({ name: 'Onboarding', templateId: 'post-onboarding-ces' })
      .expect(201)
  ).body.survey;
});
afterAll(() => h.close());

const stored = () => SurveyModel.find({ organisationId: owner.organisationId }).lean();

describe('invalid survey definitions over HTTP', () => {
  // Bodies over the API's 100 kB JSON limit never reach validation: 413, also with nothing saved.
  const fitting = BAD_DEFINITIONS.filter((c) => JSON.stringify(c.break(validCes())).length < 100_000);
  const oversized = BAD_DEFINITIONS.filter((c) => !fitting.includes(c));

  it.each(fitting.map((c) => [c.name, c] as const))(
    'when a draft saves %s, then 400 names body.definition.<path> and nothing is saved',
    async (_name, c) => {
      const before = await stored();
      const res = await owner.agent
        .put(`/api/v1/surveys/${survey.id}/draft`)
        .send({ revision: 0, definition: c.break(survey.draft) });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(`body.definition.${c.path}`);
      expect(await stored()).toEqual(before);
    },
  );

  it.each(fitting.map((c) => [c.name, c] as const))(
    'when a survey is created with %s, then 400 and no survey exists',
    async (_name, c) => {
      const before = await stored();
      const res = await owner.agent.post('/api/v1/surveys').send({ name: 'Broken', definition: c.break(validCes()) });
      expect([res.status, res.body.error.details.map((d: { path: string }) => d.path)]).toEqual([
        400,
        expect.arrayContaining([`body.definition.${c.path}`]),
      ]);
      expect(await stored()).toEqual(before);
    },
  );

  it.each(oversized.map((c) => [c.name, c] as const))(
    'when a draft saves %s, then 413 and nothing is saved',
    async (_name, c) => {
      const before = await stored();
      const res = await owner.agent
        .put(`/api/v1/surveys/${survey.id}/draft`)
        .send({ revision: 0, definition: c.break(survey.draft) });
      expect([res.status, res.body.error.code]).toEqual([413, 'payload_too_large']);
      expect(await stored()).toEqual(before);
    },
  );

  it('when a 21-question survey or a 10 kB label is saved, then 400 names the path (the limits, below the body limit)', async () => {
    const d = survey.draft;
    const many = { ...d, followUps: Array.from({ length: 21 }, (_, i) => ({ ...d.followUps[1]!, id: `q${i}` })) };
    const long = { ...d, primary: { ...d.primary, maxLabel: 'x'.repeat(10_000) } };
    for (const [definition, path] of [
      [many, 'body.definition.followUps'],
      [long, 'body.definition.primary.maxLabel'],
    ] as const) {
      const res = await owner.agent
        .put(`/api/v1/surveys/${survey.id}/draft`)
        .send({ revision: 0, definition })
        .expect(400);
      expect(res.body.error.details).toContainEqual({ path, message: expect.stringMatching(/at most/) });
    }
  });

  it('when the kind changes, a template is unknown, or the body names two starting points, then 400 with the path', async () => {
    const asNps = blankDefinition('nps');
    const kind = await owner.agent
      .put(`/api/v1/surveys/${survey.id}/draft`)
      .send({ revision: 0, definition: asNps })
      .expect(400);
    expect(kind.body.error.details[0].path).toBe('body.definition.primary.kind');
    const unknown = await owner.agent
      .post('/api/v1/surveys')
      .send({ name: 'x', templateId: 'no-such-template' })
      .expect(400);
    expect(unknown.body.error.details[0].path).toBe('body.templateId');
    const both = await owner.agent
      .post('/api/v1/surveys')
      .send({ name: 'x', kind: 'nps', templateId: 'relationship-nps' })
      .expect(400);
    expect(both.body.error.details[0].path).toBe('body.templateId');
  });

  it('serves the definition as JSON Schema and renders a preview, refusing an invalid draft with its paths', async () => {
    const schema = await owner.agent.get('/api/v1/survey-definition/schema').expect(200);
    expect(schema.body).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['primary', 'defaultLanguage']),
    });
    const preview = await owner.agent
      .post('/api/v1/survey-preview')
      .send({ definition: survey.draft, language: 'fr', step: 'followUps', band: 'low' })
      .expect(200);
    expect(preview.body.html).toContain('Quelle a été la partie la plus difficile');
    expect(preview.body.html).toContain(owner.session.organisation.name);
    const broken = { ...survey.draft, primary: { ...survey.draft.primary, text: '' } };
    const bad = await owner.agent.post('/api/v1/survey-preview').send({ definition: broken }).expect(400);
    expect(bad.body.error.details[0].path).toBe('body.definition.primary.text');
  });
});
