import { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';

import { systemContext } from '../../../server/src/lib/context';
import { seedDemoSurveys } from '../../../server/src/modules/surveys/surveys.seed';
import { getSendableSurvey } from '../../../server/src/modules/surveys/surveys.service';
import { signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('the demo surveys `npm run seed` adds (their ids are the `surveys` of its --json line)', () => {
  it('publishes one NPS, one CSAT and one CES survey, at least one translated, and running again adds none', async () => {
    const owner = await signUpOwner(h.app);
    const ctx = systemContext({ organisationId: owner.organisationId, log: h.log, name: 'Seed' });
    const ids = await seedDemoSurveys(ctx);
    expect(ids).toHaveLength(3);

    const sendable = await Promise.all(ids.map((id) => getSendableSurvey(ctx, id)));
    expect(sendable.map((s) => [s?.status, s?.version, s?.definition.primary.kind])).toEqual([
      ['active', 1, 'nps'],
      ['active', 1, 'csat'],
      ['active', 1, 'ces'],
    ]);
    for (const s of sendable) expect(SurveyDefinition.safeParse(s!.definition).success).toBe(true);
    expect(sendable.some((s) => s!.definition.languages.length > 1 && 'fr' in s!.definition.translations)).toBe(true);

    expect(await seedDemoSurveys(ctx)).toEqual(ids);
    const list = await owner.agent.get('/api/v1/surveys').expect(200);
    expect(list.body.surveys).toHaveLength(3);
  });
});
