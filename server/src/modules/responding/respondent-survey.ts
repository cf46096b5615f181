import { Types } from 'mongoose';

import type { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';
import { localise, type LocalisedSurvey } from '@pulse/shared/surveys/texts';

import type { Ctx } from '../../lib/context';
import type { ResponseTarget } from '../responses/responses.service';
import { getSurveyVersion } from '../surveys/surveys.service';
import { parseStored } from '../surveys/surveys.presenter';

/** The survey version a respondent answers, in their language, and what a response records of it. */
export interface RespondentSurvey {
  definition: SurveyDefinition;
  localised: LocalisedSurvey;
  survey: ResponseTarget['survey'];
}

export function respondentSurvey(
  surveyId: string,
  version: number,
  definition: SurveyDefinition,
  languages: readonly string[],
): RespondentSurvey {
  // The invitation's language first, then the browser's, then the survey's default.
  const language = languages.find((l) => definition.languages.includes(l)) ?? null;
  const localised = localise(definition, language);
  const { kind, scale } = definition.primary;
  return { definition, localised, survey: { id: surveyId, version, kind, scale } };
}

/** The frozen version an invitation was sent with: a later publish never changes what it asks. */
export async function invitedSurvey(
  ctx: Ctx,
  surveyId: Types.ObjectId | string | null | undefined,
  version: number | null | undefined,
  languages: readonly string[],
): Promise<RespondentSurvey | null> {
  if (!surveyId || !version) return null;
  const key = `${ctx.organisationId}:${String(surveyId)}:${version}`;
  let definition = frozen.get(key);
  if (!definition) {
    const found = await getSurveyVersion(ctx, String(surveyId), version);
    if (!found) return null;
    definition = parseStored(found.definition);
    if (frozen.size >= FROZEN_MAX) frozen.delete(frozen.keys().next().value!);
    frozen.set(key, definition);
  }
  return respondentSurvey(String(surveyId), version, definition, languages);
}

/**
 * Published versions never change, so each process keeps the ones respondents are answering:
 * a burst of answers to one mailing reads its version once, not once per click.
 */
const frozen = new Map<string, SurveyDefinition>();
const FROZEN_MAX = 500;
