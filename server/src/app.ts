import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import { pinoHttp } from 'pino-http';

import type { Config } from './config';
import { createApiRegistry, type SecurityRequirement } from './lib/api';
import { AppError } from './lib/errors';
import { errorHandler, routeNotFound } from './lib/error-handler';
import type { Logger } from './lib/logger';
import { measureHttp } from './lib/metrics';
import type { Jobs } from './lib/queue';
import type { Access } from './modules/auth/access';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerOutboxRoutes } from './modules/outbox/outbox.routes';
import { registerSystemRoutes } from './modules/system/system.routes';

export interface AppDeps {
  config: Config;
  log: Logger;
  /** Fail-fast connection for request-time work (sessions, rate limits, readiness). */
  redis: Redis;
  jobs: Jobs;
}

/** JSON bodies above this are refused; no Pulse request needs more. */
const JSON_LIMIT = '100kb';

/** The Express app without listen(): main.ts serves it, tests drive it with supertest. */
export function createApp(deps: AppDeps): express.Express {
  const { config } = deps;
  const app = express();
  app.disable('x-powered-by');
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
  app.use(helmet());
  app.use(refuseLargeBodies);
  app.use(express.json({ limit: JSON_LIMIT }));

  const api = createApiRegistry<Access>({
    guard: () => [
      (_req, _res, next) => next(new AppError('unauthenticated', 'Sign in or send an API key to use this operation')),
    ],
    security: (access) => {
      const schemes: SecurityRequirement[] = [{ sessionCookie: [] }];
      if (access.apiKeyScope) schemes.push({ apiKey: [access.apiKeyScope] });
      return schemes;
    },
  });
  registerHealthRoutes(api, deps);
  registerSystemRoutes(api, { publicUrl: config.PUBLIC_URL });
  if (config.MAIL_CATCHER_URL) registerOutboxRoutes(api, { catcherUrl: config.MAIL_CATCHER_URL });
  app.use(api.router);

  serveClient(app, path.resolve(config.CLIENT_DIST));
  app.use(routeNotFound);
  app.use(errorHandler);
  return app;
}

// Any body declaring more than 1 MB is refused before it is read, whatever its type.
const refuseLargeBodies: RequestHandler = (req, _res, next) => {
  const length = Number(req.headers['content-length'] ?? 0);
  next(length > 1_000_000 ? new AppError('payload_too_large', 'The request body is too large') : undefined);
};

/** The built client, one origin with the API; page routes fall back to index.html. */
function serveClient(app: express.Express, dist: string) {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return;
  app.use(express.static(dist, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!api\/|api$).*/, (req, res, next) => {
    if (!req.headers.accept?.includes('text/html')) return next();
    res.sendFile(index);
  });
}
