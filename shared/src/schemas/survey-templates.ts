import { z } from 'zod';

import { MetricKind } from '../metrics/scales';
import { Language, SurveyDefinition } from './survey-definition';
import { TemplateId } from './surveys';

export const SurveyTemplateDto = z.object({
  id: TemplateId,
  name: z.string(),
  description: z.string(),
  kind: MetricKind,
  languages: z.array(Language),
  definition: SurveyDefinition,
});
export type SurveyTemplateDto = z.infer<typeof SurveyTemplateDto>;

export const SurveyTemplatesResponse = z.object({ templates: z.array(SurveyTemplateDto) });
export type SurveyTemplatesResponse = z.infer<typeof SurveyTemplatesResponse>;
