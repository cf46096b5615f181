import { Router, type Request } from 'express';
import { Types } from 'mongoose';
import { z } from 'zod';

import { bandOf } from '@pulse/shared/metrics/scales';

import { withActor, type Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { settings } from '../../lib/settings';
import { getOrganisation } from '../organisations/organisation.service';
import { followUpsForScore, parseAnswers } from '../responses/response-answers';
import { findResponse, recordAnswers, recordScore, type ResponseTarget } from '../responses/responses.service';
import { getSendableSurvey, resolveSurveyKey } from '../surveys/surveys.service';
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
import { HONEYPOT, answerLimiter, checkProvenance, looksAutomated, type WebOptions } from './web-guard';
import { newResponseId, readState, signState, type WebState } from './web-state';

const Score = z.coerce.number().int();

const anonymousCtx = (req: Request, organisationId: string): Ctx =>
  withActor({ ip: req.ip ?? null, requestId: String(req.id), log: req.log }, organisationId, {
    kind: 'system',
    name: 'Web link respondent',
  });

/** The survey a key names, if it is taking answers: its organisation's context and current version. */
async function surveyOfKey(req: Request) {
  const named = await resolveSurveyKey(String(req.params.key));
  if (!named) return { kind: 'invalid' as const };
  const ctx = anonymousCtx(req, named.organisationId);
  const sendable = await getSendableSurvey(ctx, named.surveyId);
  if (!sendable) return { kind: 'invalid' as const };
  return { kind: 'found' as const, ctx, sendable };
}

const targetOf = (survey: RespondentSurvey, state: WebState): ResponseTarget => ({
  responseId: new Types.ObjectId(state.responseId),
  survey: survey.survey,
  touchpointId: state.touchpointId,
  touchpointKey: state.touchpointKey,
  channel: state.channel,
  invitationId: null,
  contactId: null,
  hidden: state.hidden,
  language: survey.localised.language,
  startedAt: new Date(state.shownAt),
});

/**
 * `/s/<survey-key>`: the anonymous web link (QR codes, receipts, footers). The query string
 * carries the touchpoint, the channel and the survey's declared hidden fields; the pages carry
 * them on, signed, with no cookie. Bots are kept out by a per-IP budget, a honeypot and a
 * minimum completion time; a bot's answer gets the same thank-you as a person's and is not stored.
 */
export function webLinkRoutes(options: WebOptions): Router {
  const router = Router();
  const limited = answerLimiter(options);
  const secret = () => settings().secretKey;

  const page = async (
    ctx: Ctx,
    survey: KeyedSurvey,
    state: WebState,
    screen: { step: 'score' } | { step: 'followUps'; score: number },
    extra: Partial<Parameters<typeof renderPage>[0]> = {},
  ) =>
    renderPage({
      survey: survey.localised,
      screen,
      values: {
        ...placeholderValues((await getOrganisation(ctx)).name, null),
        ...Object.fromEntries(Object.entries(state.hidden).map(([k, v]) => [`hidden.${k}`, v])),
      },
      action: `/s/${survey.sendableKey}`,
      hidden: { state: signState(state, secret()), ...(screen.step === 'followUps' && { step: 'answers' }) },
      honeypot: { name: HONEYPOT, label: flowStringsFor(survey.localised.language).honeypot },
      ...extra,
    });

  const thankYou = async (ctx: Ctx, survey: RespondentSurvey, score: number | null) =>
    renderPage({
      survey: survey.localised,
      values: placeholderValues((await getOrganisation(ctx)).name, null),
      screen: {
        step: 'thankYou',
        band: score === null ? null : bandOf(survey.survey.kind, survey.survey.scale, score),
      },
      action: null,
    });

  router.get('/s/:key', async (req, res) => {
    const langs = languagesOf(req, typeof req.query.lang === 'string' ? req.query.lang : null);
    const found = await surveyOfKey(req);
    if (found.kind === 'invalid') return sendPage(res, 404, messagePage('invalid', null, langs));
    const { ctx, sendable } = found;
    const survey = withKey(await invitedSurvey(ctx, sendable.id, sendable.version, langs), sendable.key);
    if (sendable.status !== 'active') return sendPage(res, 410, messagePage('closed', survey.localised, langs));
    const { provenance, problems } = await checkProvenance(ctx, sendable.definition, req.query, 'link');
    if (Object.keys(problems).length > 0) {
      req.log.info({ problems }, 'web link with undeclared or invalid parameters');
      return sendPage(res, 400, messagePage('invalid', survey.localised, langs));
    }
    const state: WebState = {
      surveyId: sendable.id,
      version: sendable.version,
      ...provenance,
      language: survey.localised.language,
      shownAt: Date.now(),
      responseId: newResponseId(),
    };
    sendPage(res, 200, await page(ctx, survey, state, { step: 'score' }));
  });

  // Both steps are plain form posts: the score, then the band's follow-ups.
  router.post('/s/:key', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const state = readState(body.state, secret());
    const langs = languagesOf(req, state?.language);
    const found = await surveyOfKey(req);
    if (found.kind === 'invalid' || !state || state.surveyId !== found.sendable.id) {
      return sendPage(res, 400, messagePage('invalid', null, langs));
    }
    const { ctx, sendable } = found;
    const survey = withKey(await invitedSurvey(ctx, state.surveyId, state.version, langs), sendable.key);
    if (sendable.status !== 'active') return sendPage(res, 410, messagePage('closed', survey.localised, langs));
    const score = Score.safeParse(body.score);
    if (looksAutomated(body[HONEYPOT], state.shownAt, options.minMs)) {
      req.log.info({ surveyId: state.surveyId }, 'web link answer refused as automated');
      return sendPage(res, 200, await thankYou(ctx, survey, score.success ? score.data : null));
    }
    const answering = body.step === 'answers';
    // The budget is spent per answer, not per step of it: only a post that starts a response pays.
    if (!(await findResponse(ctx, state.responseId))) {
      const wait = await limited(req.ip);
      if (wait !== null) {
        res.set('Retry-After', String(wait));
        return sendPage(res, 429, messagePage('busy', survey.localised, langs));
      }
    }
    const { scale } = survey.definition.primary;
    if (!score.success || score.data < scale.min || score.data > scale.max) {
      return sendPage(
        res,
        400,
        await page(
          ctx,
          survey,
          state,
          { step: 'score' },
          {
            errors: { score: `must be a whole number from ${scale.min} to ${scale.max}` },
          },
        ),
      );
    }
    const { values, other } = formAnswers(body);
    const parsed = parseAnswers(survey.definition, score.data, values, other);
    if (Object.keys(parsed.errors).length > 0) {
      return sendPage(
        res,
        400,
        await page(
          ctx,
          survey,
          state,
          { step: 'followUps', score: score.data },
          { errors: fieldErrors(parsed.errors) },
        ),
      );
    }
    try {
      await recordScore(ctx, targetOf(survey, state), {
        score: score.data,
        confirm: true,
        changeWindowMs: options.changeWindowMs,
      });
      if (!answering && followUpsForScore(survey.definition, score.data).length > 0) {
        return sendPage(res, 200, await page(ctx, survey, state, { step: 'followUps', score: score.data }));
      }
      await recordAnswers(ctx, state.responseId, {
        answers: parsed.answers,
        comment: parsed.comment,
        changeWindowMs: options.changeWindowMs,
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') {
        return sendPage(res, 409, messagePage('answered', survey.localised, langs));
      }
      throw err;
    }
    sendPage(res, 200, await thankYou(ctx, survey, score.data));
  });

  return router;
}

/** The survey as the pages need it, with the key its form posts back to. */
type KeyedSurvey = RespondentSurvey & { sendableKey: string };

function withKey(survey: RespondentSurvey | null, key: string): KeyedSurvey {
  // A current version always exists for a sendable survey; null here is a broken database.
  if (!survey) throw new Error('the current survey version is missing');
  return { ...survey, sendableKey: key };
}
