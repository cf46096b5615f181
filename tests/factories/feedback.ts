import { Types } from 'mongoose';

import type { Ctx } from '../../server/src/lib/context';
import { recordAnswers, recordScore, type ResponseTarget } from '../../server/src/modules/responses/responses.service';
import { buildContact } from './distribution';
import { buildSurvey, type BuiltSurvey } from './surveys';

const WINDOW = 3_600_000;

// One published NPS survey per organisation: the rollups read the scale of the version answered.
const surveys = new Map<string, Promise<BuiltSurvey>>();
const surveyOf = (organisationId: string) => {
  if (!surveys.has(organisationId)) surveys.set(organisationId, buildSurvey({ org: organisationId, kind: 'nps' }));
  return surveys.get(organisationId)!;
};

/**
 * A contact answers through the responses service, as the respondent pages do: a confirmed
 * score, then the follow-up page completed without a comment. `comment()` adds or changes the
 * comment later (a response.updated), as people often do.
 */
export async function answerAsContact(
  ctx: Ctx,
  score: number,
  opts: { touchpointId?: string; survey?: BuiltSurvey; attributes?: Record<string, string | number | boolean> } = {},
) {
  const attributes = opts.attributes ?? { plan: 'pro' };
  const contact = await buildContact({ org: ctx.organisationId, attributes });
  const survey = opts.survey ?? (await surveyOf(ctx.organisationId));
  const target: ResponseTarget = {
    responseId: new Types.ObjectId(),
    survey: { id: survey.id, version: survey.version, kind: 'nps', scale: { min: 0, max: 10 } },
    touchpointId: opts.touchpointId ?? new Types.ObjectId().toHexString(),
    touchpointKey: 'repair_visit',
    channel: 'email',
    invitationId: null,
    contactId: contact.id,
    contactAttributes: attributes,
    language: 'en',
  };
  await recordScore(ctx, target, { score, confirm: true, changeWindowMs: WINDOW });
  await recordAnswers(ctx, target.responseId, { answers: [], comment: null, changeWindowMs: WINDOW });
  const responseId = String(target.responseId);
  const comment = (text: string) =>
    recordAnswers(ctx, responseId, {
      answers: [{ questionId: 'why', text, rating: null, other: null }],
      comment: text,
      changeWindowMs: WINDOW,
    });
  return { responseId, contact, comment };
}
