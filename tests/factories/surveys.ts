import { randomBytes } from 'node:crypto';

import { Types } from 'mongoose';

import type { MetricKind } from '@pulse/shared/metrics/scales';
import { SurveyDefinition, type SurveyDefinitionInput } from '@pulse/shared/schemas/survey-definition';
import type { SurveyStatus } from '@pulse/shared/schemas/surveys';
import { blankDefinition } from '@pulse/shared/surveys/blank';

import { SurveyKeyModel } from '../../server/src/modules/surveys/survey-key.model';
import { SurveyModel } from '../../server/src/modules/surveys/survey.model';
import { SurveyVersionModel, versionIdOf } from '../../server/src/modules/surveys/survey-version.model';

export interface BuiltSurvey {
  id: string;
  organisationId: string;
  key: string;
  name: string;
  status: SurveyStatus;
  version: number;
  definition: SurveyDefinition;
}

/**
 * A published survey (version 1, active unless told otherwise) written straight to the
 * database: the survey, its web-link key and its version, as publishing leaves them.
 */
export async function buildSurvey(opts: {
  org: string | { organisationId: string };
  kind?: MetricKind;
  definition?: SurveyDefinitionInput;
  status?: Exclude<SurveyStatus, 'draft'>;
  name?: string;
}): Promise<BuiltSurvey> {
  const organisationId = typeof opts.org === 'string' ? opts.org : opts.org.organisationId;
  const definition = SurveyDefinition.parse(opts.definition ?? blankDefinition(opts.kind ?? 'nps'));
  const _id = new Types.ObjectId();
  const key = randomBytes(9)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 12);
  const name = opts.name ?? `Survey ${_id.toHexString().slice(-6)}`;
  const status = opts.status ?? 'active';
  const json = JSON.stringify(definition);
  await SurveyKeyModel.create({ _id: key, organisationId, surveyId: _id });
  await SurveyVersionModel.create({
    _id: versionIdOf(String(_id), 1),
    organisationId,
    surveyId: _id,
    version: 1,
    revision: 0,
    name,
    definition: json,
    publishedAt: new Date(),
    publishedBy: 'test factory',
  });
  await SurveyModel.create({
    _id,
    organisationId,
    key,
    name,
    kind: definition.primary.kind,
    status,
    draft: json,
    revision: 0,
    currentVersion: 1,
    publishedRevision: 0,
    languages: definition.languages,
    createdBy: 'test factory',
  });
  return { id: String(_id), organisationId, key, name, status, version: 1, definition };
}
