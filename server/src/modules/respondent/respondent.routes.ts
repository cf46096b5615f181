import { bandsOf } from '@pulse/shared/metrics/scales';
import { SurveyPreviewBody, SurveyPreviewResponse } from '@pulse/shared/schemas/survey-preview';
import { localise } from '@pulse/shared/surveys/texts';

import { AppError } from '../../lib/errors';
import type { Api } from '../auth/access';
import { getOrganisation } from '../organisations/organisation.service';
import { renderSurveyPage, scoreInBand, type Screen } from './respondent.page';

/** A sample person, so the preview shows placeholders filled as a real contact would see them. */
const SAMPLE_CONTACT = {
  'contact.firstName': 'Alex',
  'contact.lastName': 'Martin',
  'contact.email': 'alex@example.com',
};

export function registerRespondentRoutes(api: Api): void {
  api.route({
    method: 'post',
    path: '/api/v1/survey-preview',
    summary: 'Render a (possibly unsaved) survey definition as the respondent page, for the builder',
    tags: ['surveys'],
    access: { permission: 'surveys.read' },
    body: SurveyPreviewBody,
    responses: { 200: { description: 'The page as HTML', schema: SurveyPreviewResponse } },
    handler: async ({ body, ctx }, _req, res) => {
      const { definition } = body;
      const band = body.band ?? bandsOf(definition.primary.kind)[0]!;
      if (!bandsOf(definition.primary.kind).includes(band)) {
        throw new AppError('validation_failed', 'The request is not valid', [
          { path: 'body.band', message: `is not a ${definition.primary.kind.toUpperCase()} band` },
        ]);
      }
      const survey = localise(definition, body.language);
      const screen: Screen =
        body.step === 'score'
          ? { step: 'score' }
          : body.step === 'followUps'
            ? { step: 'followUps', score: scoreInBand(survey, band)! }
            : { step: 'thankYou', band };
      const organisation = await getOrganisation(ctx);
      const html = renderSurveyPage({
        survey,
        screen,
        values: { company: organisation.name, ...SAMPLE_CONTACT },
        action: null,
      });
      res.json({ html });
    },
  });
}
