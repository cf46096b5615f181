import { createHash } from 'node:crypto';

import { Types } from 'mongoose';

import type { RecordResponseBody } from '@pulse/shared/schemas/responses';

import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { getContact, upsertContact, type ContactDoc } from '../contacts/contacts.service';
import { getSendableSurvey } from '../surveys/surveys.service';
import { touchpointsByKey } from '../touchpoints/touchpoints.service';
import { parseAnswers } from './response-answers';
import type { ResponseDoc } from './response.model';
import { findResponse, recordAnswers, recordScore } from './responses.service';

/** A reported response's id comes from its idempotency key, so a retry finds the first by _id. */
const responseIdFor = (organisationId: string, key: string) =>
  new Types.ObjectId(
    createHash('sha256').update(`${organisationId}\u0000response\u0000${key}`).digest('hex').slice(0, 24),
  );

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', 'The request is not valid', [{ path, message }]);

/**
 * A score (and follow-up answers) collected elsewhere — in an app, on the phone, at a kiosk —
 * recorded against a touchpoint's current survey version and a contact. Everything is checked
 * before anything is stored. With an idempotency key a retry answers the first response as it
 * was and changes nothing (`replayed`).
 */
export async function recordReportedResponse(
  ctx: Ctx,
  body: RecordResponseBody,
  opts: { changeWindowMs: number },
): Promise<{ response: ResponseDoc; replayed: boolean }> {
  const responseId = body.idempotencyKey
    ? responseIdFor(ctx.organisationId, body.idempotencyKey)
    : new Types.ObjectId();
  if (body.idempotencyKey) {
    const first = await findResponse(ctx, responseId);
    if (first) return { response: first, replayed: true };
  }
  if (body.contactId && body.externalId) throw invalid('body.externalId', 'give contactId or externalId, not both');
  const touchpoint = (await touchpointsByKey(ctx)).get(body.touchpointKey);
  if (!touchpoint) throw invalid('body.touchpointKey', 'names no touchpoint of this organisation');
  const surveyId = touchpoint.rules?.surveyId;
  const survey = surveyId ? await getSendableSurvey(ctx, String(surveyId)) : null;
  if (!survey) throw invalid('body.touchpointKey', 'has no published survey to record against');
  const { kind, scale } = survey.definition.primary;
  if (!Number.isInteger(body.score) || body.score < scale.min || body.score > scale.max) {
    throw invalid('body.score', `must be a whole number from ${scale.min} to ${scale.max}`);
  }
  const parsed = parseAnswers(survey.definition, body.score, body.answers);
  const problems = Object.entries(parsed.errors);
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      'The request is not valid',
      problems.map(([id, message]) => ({ path: `body.answers.${id}`, message })),
    );
  }
  const language =
    body.language && survey.definition.languages.includes(body.language)
      ? body.language
      : survey.definition.defaultLanguage;
  if (body.answeredAt && new Date(body.answeredAt).getTime() > Date.now() + 60_000) {
    throw invalid('body.answeredAt', 'must not be in the future');
  }
  const contact = await contactOf(ctx, body);

  await recordScore(
    ctx,
    {
      responseId,
      survey: { id: survey.id, version: survey.version, kind, scale },
      touchpointId: String(touchpoint._id),
      touchpointKey: touchpoint.key,
      channel: body.channel,
      invitationId: null,
      contactId: contact ? String(contact._id) : null,
      contactAttributes: contact ? { ...(contact.attributes ?? {}), language: contact.language ?? null } : {},
      language,
    },
    {
      score: body.score,
      confirm: true,
      changeWindowMs: opts.changeWindowMs,
      answeredAt: body.answeredAt ? new Date(body.answeredAt) : undefined,
    },
  );
  const response = await recordAnswers(ctx, responseId, {
    answers: parsed.answers,
    comment: parsed.comment,
    changeWindowMs: opts.changeWindowMs,
  });
  return { response, replayed: false };
}

async function contactOf(ctx: Ctx, body: RecordResponseBody): Promise<ContactDoc | null> {
  if (body.contactId) {
    return getContact(ctx, body.contactId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') throw invalid('body.contactId', 'names no contact');
      throw err;
    });
  }
  if (body.externalId) return (await upsertContact(ctx, { externalId: body.externalId })).contact;
  return null;
}
