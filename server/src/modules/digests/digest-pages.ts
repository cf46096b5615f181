import express, { Router, type Response } from 'express';

import { settings } from '../../lib/settings';
import { subscriptionOfToken } from './digest-token';
import { findSubscription, unsubscribe } from './digests.service';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const page = (res: Response, status: number, title: string, body: string) =>
  res
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${esc(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2328}` +
        `button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#1c6bd6;color:#fff;cursor:pointer}</style></head>` +
        `<body><main><h1>${esc(title)}</h1>${body}</main></body></html>`,
    );

const notFoundPage = (res: Response) =>
  page(res, 404, 'Link not valid', '<p>This link is not valid or the digest has been removed.</p>');

/**
 * The unsubscribe link of a digest, outside /api so it works without an account: GET shows a
 * button and changes nothing (link scanners open links), POST unsubscribes — the button, or the
 * RFC 8058 one-click POST mail clients send.
 */
export function digestPages(): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '1kb' });
  const subscriptionOf = (token: string) => subscriptionOfToken(token, settings().secretKey);

  router.get('/digest-unsubscribe/:token', async (req, res) => {
    const id = subscriptionOf(req.params.token);
    const sub = id && (await findSubscription(id));
    if (!sub) return notFoundPage(res);
    if (!sub.active)
      return page(res, 200, 'You are unsubscribed', `<p>${esc(sub.email)} receives no more digests.</p>`);
    page(
      res,
      200,
      'Unsubscribe from the digest?',
      `<p>${esc(sub.email)} will stop receiving the ${esc(sub.frequency)} Pulse digest.</p>` +
        `<form method="post"><button type="submit">Unsubscribe</button></form>`,
    );
  });

  router.post('/digest-unsubscribe/:token', form, async (req, res) => {
    const id = subscriptionOf(req.params.token);
    const sub = id && (await unsubscribe(id));
    if (!sub) return notFoundPage(res);
    page(res, 200, 'You are unsubscribed', `<p>${esc(sub.email)} receives no more digests.</p>`);
  });
  return router;
}
