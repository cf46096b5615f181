import type { PublicCtx } from '../../lib/context';
import { settings } from '../../lib/settings';
import { sendSystemEmail } from '../mail/mail.service';
import { securityNoticeMail } from './auth.emails';

/**
 * Sends one security notice to `to`; the words say what changed and, when known, who did it.
 * Account mail, from the system sender: no organisation's outbox lists it.
 */
export async function sendSecurityNotice(ctx: PublicCtx, to: string, subject: string, lines: string[]): Promise<void> {
  await sendSystemEmail(ctx, securityNoticeMail(to, subject, lines, `${settings().publicUrl}/login`), {
    kind: 'security.notice',
  });
}
