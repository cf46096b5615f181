import { z } from 'zod';

import { MetricKind } from '../metrics/scales';
import { Id, IsoDate, PageQuery } from './common';
import { Language, SurveyDefinition } from './survey-definition';

export const SurveyStatus = z.enum(['draft', 'active', 'paused', 'archived']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const SurveyName = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
export const TemplateId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a template id');
/** The public part of a web link: /s/<key>. */
export const SurveyKey = z.string().regex(/^[A-Za-z0-9]{12}$/, 'must be a survey key');

export const SurveySummary = z.object({
  id: Id,
  key: SurveyKey,
  name: z.string(),
  kind: MetricKind,
  status: SurveyStatus,
  /** The version respondents answer; null until first published. */
  currentVersion: z.number().int().nullable(),
  /** Counts saves of the draft; a save names the revision it was based on. */
  revision: z.number().int(),
  /** The draft differs from the current version (or was never published). */
  unpublishedChanges: z.boolean(),
  languages: z.array(Language),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type SurveySummary = z.infer<typeof SurveySummary>;

export const Survey = SurveySummary.extend({ templateId: TemplateId.nullable(), draft: SurveyDefinition });
export type Survey = z.infer<typeof Survey>;

export const SurveyResponse = z.object({ survey: Survey });
export type SurveyResponse = z.infer<typeof SurveyResponse>;

export const SurveysResponse = z.object({ surveys: z.array(SurveySummary), nextCursor: z.string().nullable() });
export type SurveysResponse = z.infer<typeof SurveysResponse>;

export const ListSurveysQuery = PageQuery.extend({
  search: z.string().trim().max(100).optional(),
  status: SurveyStatus.optional(),
});
export type ListSurveysQuery = z.infer<typeof ListSurveysQuery>;

/** Blank (of a kind), from a template (in some of its languages), or from a full definition. */
export const CreateSurveyBody = z
  .strictObject({
    name: SurveyName,
    kind: MetricKind.optional(),
    templateId: TemplateId.optional(),
    /** With a template: which of its languages to keep (default: all). */
    languages: z.array(Language).min(1).max(20).optional(),
    definition: SurveyDefinition.optional(),
  })
  .superRefine((body, ctx) => {
    const given = (['kind', 'templateId', 'definition'] as const).filter((k) => body[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['templateId'],
        message: 'give exactly one of kind, templateId or definition',
      });
    }
    if (body.languages && !body.templateId) {
      ctx.addIssue({ code: 'custom', path: ['languages'], message: 'only applies to a template' });
    }
  });
export type CreateSurveyBody = z.infer<typeof CreateSurveyBody>;

export const UpdateSurveyBody = z.strictObject({
  /** The revision this edit was based on; a stale one gets 409 with the current revision. */
  revision: z.number().int().min(0),
  name: SurveyName.optional(),
  definition: SurveyDefinition,
});
export type UpdateSurveyBody = z.infer<typeof UpdateSurveyBody>;

export const PublishSurveyBody = z.strictObject({ revision: z.number().int().min(0) });

export const SurveyParams = z.strictObject({ surveyId: Id });
export const SurveyVersionParams = z.strictObject({
  surveyId: Id,
  version: z.coerce.number().int().min(1).max(1_000_000),
});

export const SurveyVersionSummary = z.object({
  version: z.number().int(),
  revision: z.number().int(),
  name: z.string(),
  publishedAt: IsoDate,
  publishedBy: z.string(),
});
export type SurveyVersionSummary = z.infer<typeof SurveyVersionSummary>;

export const SurveyVersion = SurveyVersionSummary.extend({ surveyId: Id, definition: SurveyDefinition });
export type SurveyVersion = z.infer<typeof SurveyVersion>;

export const SurveyVersionsResponse = z.object({ versions: z.array(SurveyVersionSummary) });
export const SurveyVersionResponse = z.object({ version: SurveyVersion });

/** What a 409 on a stale save carries: the revision to rebase on. */
export const staleRevisionDetail = (current: number) => ({
  path: 'body.revision',
  message: `The survey is at revision ${current}`,
});
export const revisionFromConflict = (details: ReadonlyArray<{ path: string; message: string }>): number | null => {
  const match = details.find((d) => d.path === 'body.revision')?.message.match(/revision (\d+)$/);
  return match ? Number(match[1]) : null;
};
