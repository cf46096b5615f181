import { Router, type Request, type RequestHandler, type Response } from 'express';
import { Types } from 'mongoose';

import { bandOf } from '@pulse/shared/metrics/scales';
import { WidgetAnswerBody, WidgetSurveyQuery, type WidgetSurvey } from '@pulse/shared/schemas/widget';
import { fillPlaceholders } from '@pulse/shared/surveys/placeholders';
import { directionOf, mapTexts } from '@pulse/shared/surveys/texts';

import { withActor, type Ctx } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { settings } from '../../lib/settings';
import { getOrganisation } from '../organisations/organisation.service';
import { getSendableSurvey } from '../surveys/surveys.service';
import { touchpointsByKey } from '../touchpoints/touchpoints.service';
import { acceptAnonymousAnswer } from './anonymous-answer';
import { loadAsset } from './assets';
import { flowStringsFor } from './responding.strings';
import { sendWidgetDemo } from './widget-demo';
import { invitedSurvey } from './respondent-survey';
import { languagesOf, placeholderValues } from './respondent-pages';
import { answerLimiter, checkProvenance, type WebOptions } from './web-guard';
import { newResponseId, readState, signState, type WebState } from './web-state';

const CONTACT_MAX = 200;

const widgetCtx = (req: Request, organisationId: string): Ctx =>
  withActor({ ip: req.ip ?? null, requestId: String(req.id), log: req.log }, organisationId, {
    kind: 'system',
    name: 'Website widget',
  });

/**
 * The relaxed headers, on widget routes only: another site's page loads the script and calls
 * these endpoints. CORS names the one calling origin if the organisation allows it (Pulse's own
 * origin always is: the demo page), never with credentials, so no cookie ever rides along.
 * Any other origin gets no CORS headers, which the browser enforces, and a 403.
 */
const crossOrigin: RequestHandler = (_req, res, next) => {
  res.set('Cross-Origin-Resource-Policy', 'cross-origin');
  next();
};

async function allowOrigin(req: Request, res: Response): Promise<Ctx> {
  const orgId = String(req.params.org);
  if (!Types.ObjectId.isValid(orgId)) throw notFound('Organisation');
  const ctx = widgetCtx(req, orgId);
  const organisation = await getOrganisation(ctx);
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const allowed = origin === new URL(settings().publicUrl).origin || organisation.widgetOrigins.includes(origin);
    if (!allowed) throw new AppError('forbidden', 'This site may not show this organisation’s surveys');
    res.set({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin' });
  }
  return ctx;
}

/**
 * `/widget.js` and `/w/<organisation>/…`: what a customer's site calls to show a survey. With
 * `demo` (development only), `/dev/widget-demo?org=…&touchpoint=…` is a host page to try it on.
 */
export function widgetRoutes(options: WebOptions & { demo: boolean }): Router {
  const router = Router();
  const limited = answerLimiter(options);
  const secret = () => settings().secretKey;

  router.get('/widget.js', crossOrigin, (_req, res) => {
    res.type('application/javascript').set('Cache-Control', 'public, max-age=300').send(loadAsset('widget.js').code);
  });

  if (options.demo) {
    // Under it, /dev/widget-demo/checkout/… shows the demo's rule-based trigger.
    router.get(['/dev/widget-demo', '/dev/widget-demo/*rest'], (req, res) => {
      const { org = '', touchpoint = '' } = req.query as Record<string, string>;
      sendWidgetDemo(res, { pulseUrl: new URL(settings().publicUrl).origin, org, touchpoint });
    });
  }

  router.options(['/w/:org/survey', '/w/:org/responses'], crossOrigin, async (req, res) => {
    await allowOrigin(req, res);
    res
      .set({
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '600',
      })
      .status(204)
      .end();
  });

  router.get('/w/:org/survey', crossOrigin, async (req, res) => {
    const ctx = await allowOrigin(req, res);
    const query = WidgetSurveyQuery.safeParse(req.query);
    if (!query.success) {
      throw new AppError('validation_failed', 'The request is not valid', [
        { path: `query.${String(query.error.issues[0]?.path[0] ?? '')}`, message: query.error.issues[0]!.message },
      ]);
    }
    const { contact, lang, ...rest } = query.data;
    const touchpoint = (await touchpointsByKey(ctx)).get(query.data.touchpoint);
    const surveyId = touchpoint?.rules?.surveyId;
    const sendable = surveyId ? await getSendableSurvey(ctx, String(surveyId)) : null;
    if (!touchpoint || !sendable || sendable.status !== 'active' || touchpoint.rules?.paused) {
      throw new AppError('not_found', 'No survey is taking answers at this touchpoint');
    }
    const { provenance, problems } = await checkProvenance(ctx, sendable.definition, rest, 'widget');
    const problem = Object.entries(problems)[0];
    if (problem) {
      throw new AppError('validation_failed', 'The request is not valid', [
        { path: `query.${problem[0]}`, message: problem[1] },
      ]);
    }
    const survey = (await invitedSurvey(ctx, sendable.id, sendable.version, languagesOf(req, lang)))!;
    const state: WebState = {
      surveyId: sendable.id,
      version: sendable.version,
      ...provenance,
      // The site's own reference for the visitor, kept with the answer as told (the widget is public).
      hidden: { ...provenance.hidden, ...(contact && { contact: contact.slice(0, CONTACT_MAX) }) },
      language: survey.localised.language,
      shownAt: Date.now(),
      responseId: newResponseId(),
    };
    const values = {
      ...placeholderValues((await getOrganisation(ctx)).name, null),
      ...Object.fromEntries(Object.entries(provenance.hidden).map(([k, v]) => [`hidden.${k}`, v])),
    };
    const filled = mapTexts(survey.localised, (text) => fillPlaceholders(text, values));
    const { kind, scale } = filled.primary;
    const body: WidgetSurvey = {
      state: signState(state, secret()),
      language: filled.language,
      dir: directionOf(filled.language),
      accentColor: filled.branding.accentColor,
      primary: filled.primary,
      bands: Object.fromEntries(
        Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i).map((s) => [
          String(s),
          bandOf(kind, scale, s),
        ]),
      ),
      followUps: filled.followUps,
      thankYou: Object.fromEntries(
        Object.entries(filled.thankYou).map(([band, t]) => [band, { title: t!.title, message: t!.message }]),
      ),
      honeypotLabel: flowStringsFor(filled.language).honeypot,
      fatigueDays: touchpoint.rules?.fatigueDays ?? 0,
    };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/w/:org/responses', crossOrigin, async (req, res) => {
    const ctx = await allowOrigin(req, res);
    const parsed = WidgetAnswerBody.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('validation_failed', 'The request is not valid', [
        { path: ['body', ...issue.path].join('.'), message: issue.message },
      ]);
    }
    const body = parsed.data;
    const state = readState(body.state, secret());
    if (!state) {
      throw new AppError('validation_failed', 'The request is not valid', [
        { path: 'body.state', message: 'is not a state this server gave' },
      ]);
    }
    const survey = await invitedSurvey(ctx, state.surveyId, state.version, [state.language ?? 'en']);
    if (!survey) throw new AppError('not_found', 'No survey is taking answers at this touchpoint');
    const outcome = await acceptAnonymousAnswer(
      ctx,
      survey,
      state,
      {
        score: body.score,
        values: body.answers,
        other: body.other,
        answering: body.step === 'answers',
        honeypot: body.website,
        ip: req.ip,
      },
      { ...options, limited },
    );
    const band = (score: number | null) =>
      score === null ? null : bandOf(survey.survey.kind, survey.survey.scale, score);
    switch (outcome.kind) {
      case 'automated':
        return res.json({ next: 'thankYou', band: band(outcome.score) });
      case 'busy':
        res.set('Retry-After', String(outcome.retryAfterSeconds));
        throw new AppError(
          'rate_limited',
          'Too many answers from here; try again later',
          undefined,
          outcome.retryAfterSeconds,
        );
      case 'badScore':
        throw new AppError('validation_failed', 'The request is not valid', [
          { path: 'body.score', message: outcome.message },
        ]);
      case 'badAnswers':
        throw new AppError(
          'validation_failed',
          'The request is not valid',
          Object.entries(outcome.errors).map(([id, message]) => ({ path: `body.answers.${id}`, message })),
        );
      case 'answered':
        throw new AppError('conflict', 'This survey was already answered and can no longer be changed');
      case 'followUps':
        return res.json({ next: 'followUps', band: band(outcome.score) });
      case 'done':
        return res.json({ next: 'thankYou', band: band(outcome.score) });
    }
  });

  return router;
}
