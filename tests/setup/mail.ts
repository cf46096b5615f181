import type { CaughtMail } from '@pulse/shared/schemas/outbox';

/** Waits until the mail catcher holds `count` messages to `to`; rejects after 20 s. */
export async function waitForMail(to: string, count = 1): Promise<CaughtMail[]> {
  const url = new URL('/messages/wait', process.env.MAIL_CATCHER_URL);
  url.searchParams.set('to', to);
  url.searchParams.set('n', String(count));
  const answer = await fetch(url);
  const body = (await answer.json()) as { messages: CaughtMail[] };
  if (!answer.ok) throw new Error(`expected ${count} mail(s) to ${to}, caught ${body.messages.length}`);
  return body.messages;
}

/** Links in a mail's text, for following an invitation or reset link. */
export const linksIn = (mail: CaughtMail): string[] => mail.text.match(/https?:\/\/\S+/g) ?? [];
