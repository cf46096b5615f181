import { settings } from '../../lib/settings';
import { queueEmail } from '../mail/mail.service';
import { securityNoticeMail } from './auth.emails';

/** Queues one security notice to `to`; the words say what changed and, when known, who did it. */
export async function sendSecurityNotice(to: string, subject: string, lines: string[]): Promise<void> {
  await queueEmail({
    from: settings().mailFrom,
    ...securityNoticeMail(to, subject, lines, `${settings().publicUrl}/login`),
  });
}
