import express, { Router, type Response } from 'express';

import { escapeHtml, htmlPage as page } from '../../lib/html-page';
import { settings } from '../../lib/settings';
import { subscriptionOfToken } from './digest-token';
import { findSubscription, unsubscribe } from './digests.service';

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
      return page(res, 200, 'You are unsubscribed', `<p>${escapeHtml(sub.email)} receives no more digests.</p>`);
    page(
      res,
      200,
      'Unsubscribe from the digest?',
      `<p>${escapeHtml(sub.email)} will stop receiving the ${escapeHtml(sub.frequency)} Pulse digest.</p>` +
        `<form method="post"><button type="submit">Unsubscribe</button></form>`,
    );
  });

  router.post('/digest-unsubscribe/:token', form, async (req, res) => {
    const id = subscriptionOf(req.params.token);
    const sub = id && (await unsubscribe(id));
    if (!sub) return notFoundPage(res);
    page(res, 200, 'You are unsubscribed', `<p>${escapeHtml(sub.email)} receives no more digests.</p>`);
  });
  return router;
}
