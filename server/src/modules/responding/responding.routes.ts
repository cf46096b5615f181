import express, { Router } from 'express';

import { loadAsset } from './assets';
import { emailLinkRoutes } from './email-link.routes';
import type { WebOptions } from './web-guard';
import { webLinkRoutes } from './web-link.routes';
import { widgetRoutes } from './widget.routes';

/**
 * The respondent side: pages outside /api and the dashboard bundle, with plain-form bodies.
 * Tokens in the path are the credential, so there are no cookies to protect with CSRF checks.
 */
export function respondingRouter(options: WebOptions & { widgetDemo: boolean }): Router {
  const router = Router();
  router.use(['/r', '/s'], express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 200 }));
  router.get('/respondent.js', (_req, res) => {
    res
      .type('application/javascript')
      .set('Cache-Control', 'public, max-age=300')
      .send(loadAsset('respondent.js').code);
  });
  router.use(emailLinkRoutes(options));
  router.use(webLinkRoutes(options));
  router.use(widgetRoutes({ ...options, demo: options.widgetDemo }));
  return router;
}
