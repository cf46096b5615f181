import { createHmac, timingSafeEqual } from 'node:crypto';

import { Types } from 'mongoose';
import { z } from 'zod';

import { ResponseChannel } from '@pulse/shared/schemas/responses';

/**
 * What an anonymous page carries from one step to the next without a cookie or a session: which
 * survey version, where it came from, the hidden fields, when the page was first shown (the
 * completion time starts there) and the response's id, fixed when the page was first shown so a
 * double submit or a replay of the same form records one response. Signed, so none of it can
 * be forged or moved to another survey.
 */
export const WebState = z.strictObject({
  surveyId: z.string(),
  version: z.number().int(),
  touchpointId: z.string().nullable(),
  touchpointKey: z.string().nullable(),
  channel: ResponseChannel,
  hidden: z.record(z.string(), z.string()),
  language: z.string().nullable(),
  /** ms since the epoch when the first page was shown. */
  shownAt: z.number().int(),
  responseId: z.string().regex(/^[a-f0-9]{24}$/),
});
export type WebState = z.infer<typeof WebState>;

const mac = (body: string, secret: string) =>
  createHmac('sha256', secret).update(`web-state:${body}`).digest('base64url');

export const newResponseId = () => new Types.ObjectId().toHexString();

export function signState(state: WebState, secret: string): string {
  const body = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

/** The state a page was given, or null when it was altered, forged or is not one. */
export function readState(token: unknown, secret: string): WebState | null {
  if (typeof token !== 'string' || token.length > 8_000) return null;
  const [body, sig, ...rest] = token.split('.');
  if (!body || !sig || rest.length) return null;
  const want = Buffer.from(mac(body, secret));
  const got = Buffer.from(sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  try {
    const parsed = WebState.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
