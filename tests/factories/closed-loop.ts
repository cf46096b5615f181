import { Types } from 'mongoose';

import type { Ctx } from '../../server/src/lib/context';
import { recordAnswers, recordScore } from '../../server/src/modules/responses/responses.service';
import type { BuiltSurvey } from './surveys';

/**
 * One confirmed NPS answer of a given contact, now, through the responses service (the same
 * contact answering several times is what the closed-loop report follows).
 */
export async function answerAs(
  ctx: Ctx,
  survey: BuiltSurvey,
  contactId: string,
  score: number,
  touchpointId: string,
): Promise<string> {
  const responseId = new Types.ObjectId();
  await recordScore(
    ctx,
    {
      responseId,
      survey: { id: survey.id, version: survey.version, kind: 'nps', scale: { min: 0, max: 10 } },
      touchpointId,
      touchpointKey: 'repair_visit',
      channel: 'email',
      invitationId: null,
      contactId,
      contactAttributes: {},
      language: 'en',
    },
    { score, confirm: true, changeWindowMs: 3_600_000 },
  );
  await recordAnswers(ctx, responseId, { answers: [], comment: null, changeWindowMs: 3_600_000 });
  return String(responseId);
}
