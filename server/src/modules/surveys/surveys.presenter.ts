import { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';
import type { Survey, SurveySummary, SurveyVersion, SurveyVersionSummary } from '@pulse/shared/schemas/surveys';

import type { SurveyDoc } from './survey.model';
import type { SurveyVersionDoc } from './survey-version.model';

/** Stored definitions were validated on the way in; parsing again fills defaults added since. */
export const parseStored = (json: string): SurveyDefinition => SurveyDefinition.parse(JSON.parse(json));

export const presentSurveySummary = (s: SurveyDoc): SurveySummary => ({
  id: String(s._id),
  key: s.key,
  name: s.name,
  kind: s.kind,
  status: s.status,
  currentVersion: s.currentVersion ?? null,
  revision: s.revision,
  unpublishedChanges: s.publishedRevision !== s.revision,
  languages: s.languages,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export const presentSurvey = (s: SurveyDoc): Survey => ({
  ...presentSurveySummary(s),
  templateId: s.templateId ?? null,
  draft: parseStored(s.draft),
});

export const presentVersionSummary = (v: SurveyVersionDoc): SurveyVersionSummary => ({
  version: v.version,
  revision: v.revision,
  name: v.name,
  publishedAt: v.publishedAt.toISOString(),
  publishedBy: v.publishedBy,
});

export const presentVersion = (v: SurveyVersionDoc): SurveyVersion => ({
  ...presentVersionSummary(v),
  surveyId: String(v.surveyId),
  definition: parseStored(v.definition),
});
