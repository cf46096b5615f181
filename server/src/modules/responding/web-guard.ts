import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { ReportedChannel, type ResponseChannel } from '@pulse/shared/schemas/responses';
import type { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';

import type { Ctx } from '../../lib/context';
import { touchpointsByKey } from '../touchpoints/touchpoints.service';

/** Options of the anonymous channels (web links and the widget). */
export interface WebOptions {
  redis: Redis;
  /** Answers allowed per client IP per 10 minutes (RATE_LIMIT_WEB_SURVEY). */
  answersPerIp: number;
  /** An answer sooner than this after the survey was shown is a bot's (WEB_SURVEY_MIN_SECONDS). */
  minMs: number;
  changeWindowMs: number;
}

/** The field people never see; bots that fill every input fill it. */
export const HONEYPOT = 'website';

/**
 * Per client IP, shared by every API process. Resolves to the seconds to wait when the IP is
 * over its budget, else null (and the answer is counted).
 */
export function answerLimiter(opts: Pick<WebOptions, 'redis' | 'answersPerIp'>) {
  const limiter = new RateLimiterRedis({
    storeClient: opts.redis,
    keyPrefix: 'rate:web-survey',
    points: opts.answersPerIp,
    duration: 600,
  });
  return async (ip: string | undefined): Promise<number | null> => {
    try {
      await limiter.consume(ip ?? 'unknown');
      return null;
    } catch (err) {
      if (err instanceof RateLimiterRes) return Math.ceil(err.msBeforeNext / 1000);
      throw err;
    }
  };
}

/**
 * A bot, as far as an anonymous answer can tell: it filled the honeypot, or answered faster
 * than a person reads the question. Such answers are refused without saying why.
 */
export const looksAutomated = (honeypot: unknown, shownAt: number, minMs: number, now = Date.now()) =>
  (typeof honeypot === 'string' && honeypot !== '') || now - shownAt < minMs;

/** What a web link's query string or the widget's call may say besides hidden fields. */
const RESERVED = new Set(['touchpoint', 'channel', 'lang']);
const ANON_CHANNELS: readonly ResponseChannel[] = ['link', 'widget', ...ReportedChannel.options];
const VALUE_MAX = 200;

export interface Provenance {
  touchpointId: string | null;
  touchpointKey: string | null;
  channel: ResponseChannel;
  hidden: Record<string, string>;
}

/**
 * Checks where an anonymous answer says it comes from against the survey and the organisation:
 * the touchpoint must exist, the channel must be one an anonymous page may claim, and every other
 * name must be a hidden field the survey declares, with a short single-line value. Problems are
 * listed by name; none means the provenance can be stored as is.
 */
export async function checkProvenance(
  ctx: Ctx,
  definition: Pick<SurveyDefinition, 'hiddenFields'>,
  raw: Record<string, unknown>,
  defaultChannel: ResponseChannel,
): Promise<{ provenance: Provenance; problems: Record<string, string> }> {
  const problems: Record<string, string> = {};
  const declared = new Set(definition.hiddenFields.map((f) => f.name));
  const hidden: Record<string, string> = {};
  const text = (name: string, value: unknown): string | null => {
    if (typeof value !== 'string') {
      problems[name] = 'must be given once, as text';
      return null;
    }
    // eslint-disable-next-line no-control-regex
    if (value.length > VALUE_MAX || /[\u0000-\u001f\u007f\u2028\u2029]/.test(value)) {
      problems[name] = `must be one line of at most ${VALUE_MAX} characters`;
      return null;
    }
    return value;
  };
  for (const [name, value] of Object.entries(raw)) {
    if (RESERVED.has(name) || value === undefined) continue;
    if (!declared.has(name)) {
      problems[name] = 'is not a hidden field of this survey';
      continue;
    }
    const v = text(name, value);
    if (v !== null) hidden[name] = v;
  }
  let channel = defaultChannel;
  if (raw.channel !== undefined) {
    const v = text('channel', raw.channel);
    if (v !== null && ANON_CHANNELS.includes(v as ResponseChannel)) channel = v as ResponseChannel;
    else if (v !== null) problems.channel = `must be one of ${ANON_CHANNELS.join(', ')}`;
  }
  let touchpointId: string | null = null;
  let touchpointKey: string | null = null;
  if (raw.touchpoint !== undefined) {
    const v = text('touchpoint', raw.touchpoint);
    const found = v === null ? undefined : (await touchpointsByKey(ctx)).get(v);
    if (found) {
      touchpointId = String(found._id);
      touchpointKey = found.key;
    } else if (v !== null) problems.touchpoint = 'names no touchpoint of this organisation';
  }
  return { provenance: { touchpointId, touchpointKey, channel, hidden }, problems };
}
