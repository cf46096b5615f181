import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

import compression from 'compression';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import { pinoHttp } from 'pino-http';

import type { Config } from './config';
import { createApiRegistry } from './lib/api';
import { clientAssets } from './lib/client-assets';
import { crossSiteProtection } from './lib/csrf';
import { AppError } from './lib/errors';
import { errorHandler, routeNotFound } from './lib/error-handler';
import type { Logger } from './lib/logger';
import { measureHttp } from './lib/metrics';
import { rateLimit } from './lib/rate-limit';
import { bindSettings } from './lib/settings';
import { createLiveHub } from './modules/analytics/analytics.live';
import { registerAlertRoutes } from './modules/alerts/alerts.routes';
import { registerCaseRoutes } from './modules/cases/cases.routes';
import { registerClosedLoopRoutes } from './modules/closed-loop/closed-loop.routes';
import { registerSlaRoutes } from './modules/sla/sla.routes';
import { configureWebhooks } from './modules/webhooks/webhooks.config';
import { registerWebhookRoutes } from './modules/webhooks/webhooks.routes';
import { registerAnalyticsRoutes } from './modules/analytics/analytics.routes';
import { registerApiKeyRoutes } from './modules/api-keys/api-keys.routes';
import { registerAuditRoutes } from './modules/audit/audit.routes';
import type { Access } from './modules/auth/access';
import { createGuard, securityOf } from './modules/auth/auth.guard';
import { authLimits } from './modules/auth/auth.limits';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { sessionMiddleware } from './modules/auth/session-cookie';
import { registerContactRoutes } from './modules/contacts/contacts.routes';
import { registerInteractionRoutes } from './modules/interactions/interactions.routes';
import { invitationPages } from './modules/invitations/invitation-pages';
import { registerInvitationRoutes } from './modules/invitations/invitations.routes';
import { forgetInvitationRecipient } from './modules/invitations/invitations.service';
import { identityOf } from './modules/auth/principal';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerInsightRoutes } from './modules/insights/insights.routes';
import { registerMemberRoutes } from './modules/members/members.routes';
import { invitationAddress } from './modules/members/members.service';
import { registerOrganisationRoutes } from './modules/organisations/organisation.routes';
import { registerResponseRoutes } from './modules/responses/responses.routes';
import { respondingRouter } from './modules/responding/responding.routes';
import { registerOutboxRoutes } from './modules/outbox/outbox.routes';
import { registerRespondentRoutes } from './modules/respondent/respondent.routes';
import { registerSharedResultRoutes } from './modules/shared-results/shared-results.routes';
import { digestPages } from './modules/digests/digest-pages';
import { registerDigestRoutes } from './modules/digests/digests.routes';
import { registerSurveyRoutes } from './modules/surveys/surveys.routes';
import { registerSystemRoutes } from './modules/system/system.routes';
import { registerTouchpointRoutes } from './modules/touchpoints/touchpoints.routes';
import { registerTeamRoutes } from './modules/teams/teams.routes';

export interface AppDeps {
  config: Config;
  log: Logger;
  /** Fail-fast connection for request-time work (sessions, rate limits, readiness). */
  redis: Redis;
}

/** JSON bodies above this are refused; no Pulse request needs more. */
const JSON_LIMIT = '100kb';
const INGEST_PATH = '/api/v1/interactions';

/** The Express app without listen(): main.ts serves it, tests drive it with supertest. */
export function createApp(deps: AppDeps): express.Express {
  const { config, redis } = deps;
  bindSettings({ publicUrl: config.PUBLIC_URL, secretKey: config.SECRET_KEY, mailFrom: config.MAIL_FROM });
  configureWebhooks(config);
  const app = express();
  app.disable('x-powered-by');
  // The client IP (rate limits, audit log) is read through exactly this many proxies.
  app.set('trust proxy', config.TRUST_PROXY_HOPS);

  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics' },
    }),
  );
  app.use(measureHttp);
  // Survey logos are customers' own https images, shown on respondent pages and their preview.
  app.use(helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'https:'] } } }));
  // API answers and the docs page, compressed per request; the client's files come precompressed.
  app.use(compression());
  app.use(refuseLargeBodies);
  // A 1,000-interaction batch is larger than any other request; refuseLargeBodies still caps it at 1 MB.
  const json = express.json({ limit: JSON_LIMIT, verify: refuseInvalidUtf8 });
  const bulkJson = express.json({ limit: '1mb', verify: refuseInvalidUtf8 });
  app.use((req, res, next) => (req.path === INGEST_PATH ? bulkJson : json)(req, res, next));
  app.use(invitationPages(deps.log));
  app.use(digestPages());

  app.use('/api', sessionMiddleware(config, redis), crossSiteProtection(config.PUBLIC_URL));

  const api = createApiRegistry<Access>({
    guard: createGuard(),
    security: securityOf,
    identity: identityOf,
    checkResponses: config.NODE_ENV !== 'production',
  });
  // The outbox is a development tool: never in production, whatever the environment says.
  const outboxCatcherUrl = config.NODE_ENV === 'production' ? undefined : config.MAIL_CATCHER_URL;
  const features = { outbox: Boolean(outboxCatcherUrl) };
  const auth = authLimits(redis, config);
  registerHealthRoutes(api, deps);
  registerSystemRoutes(api, {
    publicUrl: config.PUBLIC_URL,
    metricsToken: config.METRICS_TOKEN,
    mailCatcherUrl: outboxCatcherUrl,
  });
  registerAuthRoutes(api, {
    features,
    limits: {
      login: auth.login,
      signup: auth.signup,
      resendVerification: auth.resendVerification,
      resetRequest: auth.resetRequest,
      resetComplete: auth.resetComplete,
    },
  });
  registerOrganisationRoutes(api);
  // Invitations mail strangers with text of the inviter's choosing: bounded per organisation and address.
  const byOrganisation = (req: express.Request) => String(req.principal?.organisationId ?? req.ip);
  // A resend mails the same stranger again: it spends the same two budgets as an invitation.
  const invitationLimits = (address: (req: express.Request) => string | Promise<string>) => [
    rateLimit(redis, { name: 'invite-org', points: 50, windowSeconds: 3600, key: byOrganisation }),
    rateLimit(redis, {
      name: 'invite-address',
      points: 3,
      windowSeconds: 3600,
      key: async (req) => `${byOrganisation(req)}:${await address(req)}`,
    }),
  ];
  const input = (req: express.Request) =>
    req.res?.locals.input as { body: { email: string }; params: { invitationId: string } };
  registerMemberRoutes(api, {
    features,
    limits: {
      accept: auth.passwordChecks,
      invite: invitationLimits((req) => input(req).body.email),
      resend: invitationLimits((req) =>
        invitationAddress({ organisationId: String(req.principal?.organisationId) }, input(req).params.invitationId),
      ),
    },
  });
  registerApiKeyRoutes(api);
  registerAuditRoutes(api);
  registerResponseRoutes(api, { changeWindowMs: config.RESPONSE_CHANGE_WINDOW_MINUTES * 60_000 });
  registerSurveyRoutes(api);
  registerInsightRoutes(api);
  registerRespondentRoutes(api);
  registerTouchpointRoutes(api);
  registerContactRoutes(api, { onErase: [forgetInvitationRecipient] });
  registerInteractionRoutes(api, { redis });
  registerInvitationRoutes(api);
  registerAnalyticsRoutes(api, { live: createLiveHub(redis) });
  registerAlertRoutes(api);
  registerCaseRoutes(api);
  registerClosedLoopRoutes(api);
  // A public page anyone with the link may load: bounded per address, like the log-in.
  registerSharedResultRoutes(api, {
    limit: [rateLimit(redis, { name: 'shared-results', points: 60, windowSeconds: 60 })],
  });
  registerSlaRoutes(api);
  registerWebhookRoutes(api);
  registerDigestRoutes(api);
  registerTeamRoutes(api);
  if (outboxCatcherUrl) registerOutboxRoutes(api);
  app.use(api.router);
  app.use(
    respondingRouter({
      redis,
      changeWindowMs: config.RESPONSE_CHANGE_WINDOW_MINUTES * 60_000,
      answersPerIp: config.RATE_LIMIT_WEB_SURVEY,
      minMs: config.WEB_SURVEY_MIN_SECONDS * 1000,
      // A page to try the widget on, like the outbox: never in production.
      widgetDemo: config.NODE_ENV !== 'production',
    }),
  );
  app.use(api.methodNotAllowed);

  const client = clientAssets(path.resolve(config.CLIENT_DIST));
  if (client) app.use(client);
  app.use(routeNotFound);
  app.use(errorHandler);
  return app;
}

// Any body declaring more than 1 MB is refused before it is read, whatever its type.
const refuseLargeBodies: RequestHandler = (req, _res, next) => {
  const length = Number(req.headers['content-length'] ?? 0);
  next(length > 1_000_000 ? new AppError('payload_too_large', 'The request body is too large') : undefined);
};

// body-parser would decode stray bytes to U+FFFD and store them silently: refuse instead.
function refuseInvalidUtf8(_req: unknown, _res: unknown, buf: Buffer, encoding: string) {
  if (encoding.toLowerCase().replace('-', '') === 'utf8' && !isUtf8(buf)) {
    throw Object.assign(new Error('The request body is not valid UTF-8'), { type: 'encoding.invalid' });
  }
}
