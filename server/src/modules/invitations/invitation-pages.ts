import express, { Router, type Response } from 'express';

import { systemContext } from '../../lib/context';
import { htmlPage as page } from '../../lib/html-page';
import type { Logger } from '../../lib/logger';
import { settings } from '../../lib/settings';
import { getContact, suppressContact } from '../contacts/contacts.service';
import { getOrganisation } from '../organisations/organisation.service';
import { escapeHtml } from './email-copy';
import { findInvitationByToken, markOpened } from './invitations.service';

// The smallest transparent GIF.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const notFoundPage = (res: Response) =>
  page(res, 404, 'Link not valid', '<p>This link is not valid or has been removed.</p>');

/**
 * The recipient-facing pages of an invitation email, outside /api: the unsubscribe confirmation
 * (GET shows a button and changes nothing, so link scanners never unsubscribe anyone), the
 * RFC 8058 one-click POST mail clients send, and the open-tracking pixel.
 */
export function invitationPages(log: Logger): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '1kb' });

  router.get('/u/:token', async (req, res) => {
    const invitation = await findInvitationByToken(req.params.token, settings().secretKey);
    if (!invitation) return notFoundPage(res);
    const ctx = systemContext({ organisationId: String(invitation.organisationId), log, name: 'Unsubscribe' });
    const [org, contact] = await Promise.all([getOrganisation(ctx), getContact(ctx, String(invitation.contactId))]);
    if (contact.suppression?.reason) {
      return page(res, 200, 'You are unsubscribed', `<p>${escapeHtml(org.name)} will not send you survey emails.</p>`);
    }
    page(
      res,
      200,
      'Unsubscribe from survey emails?',
      `<p>${escapeHtml(org.name)} will stop asking you for feedback by email.</p>` +
        `<form method="post"><button type="submit">Unsubscribe</button></form>`,
    );
  });

  router.post('/u/:token', form, async (req, res) => {
    const invitation = await findInvitationByToken(req.params.token, settings().secretKey);
    if (!invitation) return notFoundPage(res);
    const ctx = systemContext({ organisationId: String(invitation.organisationId), log, name: 'Unsubscribe' });
    const oneClick = req.body?.['List-Unsubscribe'] === 'One-Click';
    await suppressContact(
      ctx,
      String(invitation.contactId),
      'unsubscribed',
      oneClick ? 'one-click' : 'confirmation page',
    );
    page(res, 200, 'You are unsubscribed', '<p>You will not receive survey emails from us any more.</p>');
  });

  router.get('/o/:file', async (req, res) => {
    const token = req.params.file.replace(/\.gif$/, '');
    const invitation = await findInvitationByToken(token, settings().secretKey);
    if (invitation) {
      const ctx = systemContext({ organisationId: String(invitation.organisationId), log, name: 'Open tracking' });
      await markOpened(ctx, String(invitation._id));
    }
    res.status(200).type('gif').set('Cache-Control', 'no-store, private').send(PIXEL);
  });
  return router;
}
