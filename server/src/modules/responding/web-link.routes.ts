import { Router, type Request } from 'express';

import { bandOf } from '@pulse/shared/metrics/scales';

import { withActor, type Ctx } from '../../lib/context';
import { settings } from '../../lib/settings';
import { getOrganisation } from '../organisations/organisation.service';
import { getSendableSurvey, resolveSurveyKey } from '../surveys/surveys.service';
import { acceptAnonymousAnswer } from './anonymous-answer';
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
import { HONEYPOT, answerLimiter, checkProvenance, type WebOptions } from './web-guard';
import { newResponseId, readState, signState, type WebState } from './web-state';

const anonymousCtx = (req: Request, organisationId: string): Ctx =>
  withActor({ ip: req.ip ?? null, requestId: String(req.id), log: req.log }, organisationId, {
    kind: 'system',
    name: 'Web link respondent',
  });

/** The survey a key names: its organisation's context and current version. */
async function surveyOfKey(req: Request) {
  const named = await resolveSurveyKey(String(req.params.key));
  if (!named) return null;
  const ctx = anonymousCtx(req, named.organisationId);
  const sendable = await getSendableSurvey(ctx, named.surveyId);
  return sendable ? { ctx, sendable } : null;
}

type KeyedSurvey = RespondentSurvey & { sendableKey: string };

function withKey(survey: RespondentSurvey | null, key: string): KeyedSurvey {
  // A sendable survey's current version exists; null here is a broken database.
  if (!survey) throw new Error('the current survey version is missing');
  return { ...survey, sendableKey: key };
}

/**
 * `/s/<survey-key>`: the anonymous web link (QR codes, receipts, footers). The query string
 * carries the touchpoint, the channel and the survey's declared hidden fields; the pages carry
 * them on, signed, with no cookie. Plain forms, enhanced by the same island as the email pages.
 */
export function webLinkRoutes(options: WebOptions): Router {
  const router = Router();
  const limited = answerLimiter(options);
  const secret = () => settings().secretKey;

  const values = async (ctx: Ctx, state: WebState | null) => ({
    ...placeholderValues((await getOrganisation(ctx)).name, null),
    ...Object.fromEntries(Object.entries(state?.hidden ?? {}).map(([k, v]) => [`hidden.${k}`, v])),
  });

  const formPage = async (
    ctx: Ctx,
    survey: KeyedSurvey,
    state: WebState,
    screen: { step: 'score' } | { step: 'followUps'; score: number },
    errors?: Record<string, string>,
  ) =>
    renderPage({
      survey: survey.localised,
      screen,
      values: await values(ctx, state),
      action: `/s/${survey.sendableKey}`,
      hidden: { state: signState(state, secret()), ...(screen.step === 'followUps' && { step: 'answers' }) },
      honeypot: { name: HONEYPOT, label: flowStringsFor(survey.localised.language).honeypot },
      errors,
    });

  const thankYou = async (ctx: Ctx, survey: RespondentSurvey, state: WebState, score: number | null) =>
    renderPage({
      survey: survey.localised,
      values: await values(ctx, state),
      screen: {
        step: 'thankYou',
        band: score === null ? null : bandOf(survey.survey.kind, survey.survey.scale, score),
      },
      action: null,
    });

  router.get('/s/:key', async (req, res) => {
    const langs = languagesOf(req, typeof req.query.lang === 'string' ? req.query.lang : null);
    const found = await surveyOfKey(req);
    if (!found) return sendPage(res, 404, messagePage('invalid', null, langs));
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
    sendPage(res, 200, await formPage(ctx, survey, state, { step: 'score' }));
  });

  // Both steps are plain form posts: the score, then the band's follow-ups.
  router.post('/s/:key', async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const state = readState(body.state, secret());
    const langs = languagesOf(req, state?.language);
    const found = await surveyOfKey(req);
    if (!found || !state || state.surveyId !== found.sendable.id) {
      return sendPage(res, 400, messagePage('invalid', null, langs));
    }
    const { ctx, sendable } = found;
    const survey = withKey(await invitedSurvey(ctx, state.surveyId, state.version, langs), sendable.key);
    if (sendable.status !== 'active') return sendPage(res, 410, messagePage('closed', survey.localised, langs));
    const { values: answers, other } = formAnswers(body);
    const outcome = await acceptAnonymousAnswer(
      ctx,
      survey,
      state,
      {
        score: body.score,
        values: answers,
        other,
        answering: body.step === 'answers',
        honeypot: body[HONEYPOT],
        ip: req.ip,
      },
      { ...options, limited },
    );
    switch (outcome.kind) {
      case 'automated':
        return sendPage(res, 200, await thankYou(ctx, survey, state, outcome.score));
      case 'busy':
        res.set('Retry-After', String(outcome.retryAfterSeconds));
        return sendPage(res, 429, messagePage('busy', survey.localised, langs));
      case 'badScore':
        return sendPage(res, 400, await formPage(ctx, survey, state, { step: 'score' }, { score: outcome.message }));
      case 'badAnswers':
        return sendPage(
          res,
          400,
          await formPage(ctx, survey, state, { step: 'followUps', score: outcome.score }, fieldErrors(outcome.errors)),
        );
      case 'answered':
        return sendPage(res, 409, messagePage('answered', survey.localised, langs));
      case 'followUps':
        return sendPage(res, 200, await formPage(ctx, survey, state, { step: 'followUps', score: outcome.score }));
      case 'done':
        return sendPage(res, 200, await thankYou(ctx, survey, state, outcome.score));
    }
  });

  return router;
}
