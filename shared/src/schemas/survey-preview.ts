import { z } from 'zod';

import { Band } from '../metrics/scales';
import { Language, SurveyDefinition } from './survey-definition';

/** The builder's live preview: an unsaved draft rendered by the real respondent page. */
export const SurveyPreviewBody = z.strictObject({
  definition: SurveyDefinition,
  language: Language.optional(),
  step: z.enum(['score', 'followUps', 'thankYou']).default('score'),
  /** For follow-ups and thank-you: whose answer to show. */
  band: Band.optional(),
});
export type SurveyPreviewBody = z.input<typeof SurveyPreviewBody>;

export const SurveyPreviewResponse = z.object({ html: z.string() });
