import { Router, type Request } from 'express';
import { Types } from 'mongoose';
import { z } from 'zod';

import { bandOf } from '@pulse/shared/metrics/scales';

import { withActor, type Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { settings } from '../../lib/settings';
import { findInvitationByToken, isAnswerable, markClicked, markResponded } from '../invitations/invitations.service';
import { getContact } from '../contacts/contacts.service';
import { getOrganisation } from '../organisations/organisation.service';
import { followUpsForScore, parseAnswers } from '../responses/response-answers';
import { findResponse, recordAnswers, recordScore, type ResponseTarget } from '../responses/responses.service';
import { flowStringsFor } from './responding.strings';
import { invitedSurvey, type RespondentSurvey } from './respondent-survey';
import {
  fieldErrors,
  formAnswers,
  languagesOf,
  messagePage,
  placeholderValues,
  renderPage,
  sendPage,
} from './respondent-pages';

export interface FlowOptions {
  changeWindowMs: number;
}

const Score = z.coerce.number().int();
const ConfirmBody = z.strictObject({ score: z.number().int() });

const respondentCtx = (req: Request, organisationId: string): Ctx =>
  withActor({ ip: req.ip ?? null, requestId: String(req.id), log: req.log }, organisationId, {
    kind: 'system',
    name: 'Respondent',
  });

/** What a personal link names: the invitation, its survey version, and where a response records it. */
async function resolve(req: Request) {
  const token = String(req.params.token);
  const invitation = await findInvitationByToken(token, settings().secretKey);
  if (!invitation) return { kind: 'invalid' as const };
  const ctx = respondentCtx(req, String(invitation.organisationId));
  const survey = await invitedSurvey(
    ctx,
    invitation.surveyId,
    invitation.surveyVersion,
    languagesOf(req, invitation.language),
  );
  if (!survey) return { kind: 'invalid' as const };
  if (!isAnswerable(invitation)) return { kind: 'closed' as const, survey };
  // Read only when needed: a confirmation needs neither the page's words nor, once stored, the contact.
  const contact = once(() => getContact(ctx, String(invitation.contactId)).catch(() => null));
  const values = once(async () => placeholderValues((await getOrganisation(ctx)).name, await contact()));
  const target = async (): Promise<ResponseTarget> => ({
    responseId: new Types.ObjectId(String(invitation._id)),
    survey: survey.survey,
    touchpointId: String(invitation.touchpointId),
    touchpointKey: invitation.touchpointKey,
    channel: 'email',
    invitationId: String(invitation._id),
    contactId: String(invitation.contactId),
    // What reports segment by, as it was when they answered; read only by the call that inserts,
    // so 50 racing submits read the contact once, not 50 times.
    contactAttributes: async () => {
      const person = await contact();
      return { ...(person?.attributes ?? {}), language: person?.language ?? null };
    },
    language: survey.localised.language,
    // A link never followed has stored no answer (a score link's GET moves it to clicked first).
    likelyNew: ['queued', 'sending', 'sent', 'opened'].includes(invitation.state),
  });
  return { kind: 'open' as const, token, ctx, invitation, survey, values, target };
}

type Open = Extract<Awaited<ReturnType<typeof resolve>>, { kind: 'open' }>;

const once = <T>(load: () => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
};

const followUpsPage = async (open: Open, score: number, extra: Partial<Parameters<typeof renderPage>[0]> = {}) =>
  renderPage({
    survey: open.survey.localised,
    screen: { step: 'followUps', score },
    action: `/r/${open.token}`,
    values: await open.values(),
    hidden: { step: 'answers' },
    ...extra,
  });

const thankYouPage = async (open: Open, score: number) =>
  renderPage({
    survey: open.survey.localised,
    values: await open.values(),
    screen: { step: 'thankYou', band: followUpsBand(open.survey, score) },
    action: null,
  });

const followUpsBand = (survey: RespondentSurvey, score: number) =>
  bandOf(survey.survey.kind, survey.survey.scale, score);

/** `/r/<token>`: the survey email's links. A GET never counts; a confirming request does. */
export function emailLinkRoutes(options: FlowOptions): Router {
  const router = Router();
  const { changeWindowMs } = options;

  router.get('/r/:token', async (req, res) => {
    const found = await resolve(req);
    const langs = languagesOf(req);
    if (found.kind === 'invalid') return sendPage(res, 404, messagePage('invalid', null, langs));
    if (found.kind === 'closed') return sendPage(res, 410, messagePage('closed', found.survey.localised, langs));
    await markClicked(found.ctx, String(found.invitation._id));
    const raw = req.query.score;
    const score = raw === undefined ? null : Score.safeParse(raw);
    if (!score || !score.success) {
      const existing = await findResponse(found.ctx, String(found.invitation._id));
      if (existing?.completedAt && !withinWindow(existing.createdAt, changeWindowMs)) {
        return sendPage(res, 409, messagePage('answered', found.survey.localised, langs));
      }
      return sendPage(
        res,
        score ? 400 : 200,
        renderPage({
          survey: found.survey.localised,
          screen: { step: 'score' },
          values: await found.values(),
          action: `/r/${found.token}`,
        }),
      );
    }
    try {
      await recordScore(found.ctx, await found.target(), { score: score.data, confirm: false, changeWindowMs });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      if (err.code === 'conflict') return sendPage(res, 409, messagePage('answered', found.survey.localised, langs));
      return sendPage(
        res,
        400,
        renderPage({
          survey: found.survey.localised,
          screen: { step: 'score' },
          values: await found.values(),
          action: `/r/${found.token}`,
          errors: { score: err.details?.[0]?.message ?? err.message },
        }),
      );
    }
    const words = flowStringsFor(found.survey.localised.language);
    sendPage(
      res,
      200,
      await followUpsPage(found, score.data, {
        confirm: { url: `/r/${found.token}/confirm`, score: score.data, confirmed: words.confirmed },
      }),
    );
  });

  // The island's confirmation: JSON, no cookies, same origin.
  router.post('/r/:token/confirm', async (req, res) => {
    const body = ConfirmBody.safeParse(req.body);
    if (!body.success)
      throw new AppError('validation_failed', 'The request is not valid', [
        { path: 'body.score', message: 'must be a whole number' },
      ]);
    const found = await resolve(req);
    if (found.kind !== 'open') throw new AppError('not_found', 'This survey link is not valid or has closed');
    const { response, changed } = await recordScore(found.ctx, await found.target(), {
      score: body.data.score,
      confirm: true,
      changeWindowMs,
    });
    // Only the call that confirmed moves the funnel: 50 racing callers make one write, not 50.
    if (changed) await markResponded(found.ctx, String(found.invitation._id));
    res.json({ state: response.state, score: response.score });
  });

  // The plain form: the score step (no JS, or no score in the link) and the follow-ups step.
  router.post('/r/:token', async (req, res) => {
    const found = await resolve(req);
    const langs = languagesOf(req);
    if (found.kind === 'invalid') return sendPage(res, 404, messagePage('invalid', null, langs));
    if (found.kind === 'closed') return sendPage(res, 410, messagePage('closed', found.survey.localised, langs));
    const body = (req.body ?? {}) as Record<string, unknown>;
    const score = Score.safeParse(body.score);
    const { scale } = found.survey.definition.primary;
    if (!score.success || score.data < scale.min || score.data > scale.max) {
      return sendPage(
        res,
        400,
        renderPage({
          survey: found.survey.localised,
          screen: { step: 'score' },
          values: await found.values(),
          action: `/r/${found.token}`,
          errors: { score: `must be a whole number from ${scale.min} to ${scale.max}` },
        }),
      );
    }
    const answering = body.step === 'answers';
    const { values, other } = formAnswers(body);
    // Answers are checked before anything is stored, so a bad one stores nothing at all.
    const parsed = parseAnswers(found.survey.definition, score.data, values, other);
    if (Object.keys(parsed.errors).length > 0) {
      return sendPage(
        res,
        400,
        await followUpsPage(found, score.data, {
          errors: fieldErrors(parsed.errors),
          answers: prefixed(values, other),
        }),
      );
    }
    try {
      const id = String(found.invitation._id);
      const { changed } = await recordScore(found.ctx, await found.target(), {
        score: score.data,
        confirm: true,
        changeWindowMs,
      });
      if (changed) await markResponded(found.ctx, id);
      if (!answering && followUpsForScore(found.survey.definition, score.data).length > 0) {
        return sendPage(res, 200, await followUpsPage(found, score.data));
      }
      await recordAnswers(found.ctx, id, { answers: parsed.answers, comment: parsed.comment, changeWindowMs });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') {
        return sendPage(res, 409, messagePage('answered', found.survey.localised, langs));
      }
      throw err;
    }
    sendPage(res, 200, await thankYouPage(found, score.data));
  });

  return router;
}

const withinWindow = (createdAt: Date, windowMs: number) => Date.now() - createdAt.getTime() <= windowMs;

const prefixed = (values: Record<string, unknown>, other: Record<string, string>) => ({
  ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`q.${k}`, v as string | string[]])),
  ...Object.fromEntries(Object.entries(other).map(([k, v]) => [`q.${k}.other`, v])),
});
