import type { Ctx } from '../../lib/context';
import { emailsAbout } from '../mail/mail.service';
import { findResponse } from '../responses/responses.service';
import { listFirings, type FiringsPage } from './alerts.firings';
import { presentFiring } from './alerts.presenter';

/**
 * A rule's firings as its panel shows them: each with the response it is about (as the response
 * is now: the comment may have come later) and what became of every mail it sent. Reads by _id
 * per firing and one read of the page's mails: a page is at most 100 firings.
 */
export async function firingsLog(ctx: Ctx, ruleId: string, page: FiringsPage) {
  const { firings, nextCursor } = await listFirings(ctx, ruleId, page);
  const [responses, mails] = await Promise.all([
    Promise.all(firings.map((f) => (f.responseId ? findResponse(ctx, f.responseId) : null))),
    emailsAbout(
      ctx,
      firings.map((f) => String(f._id)),
    ),
  ]);
  return {
    firings: firings.map((f, i) =>
      presentFiring(f, {
        response: responses[i] ?? null,
        emails: mails.filter((m) => m.relatedId === String(f._id)),
      }),
    ),
    nextCursor,
  };
}
