import { z } from 'zod';

// An empty value in .env means "unset", so defaults apply instead of failing on "".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);

const DEV_SECRET = 'pulse-development-secret-do-not-use-in-production';

/**
 * Every environment key the server reads, with its default. `.env.example` and the README's
 * configuration table list exactly these keys.
 */
const ConfigKeys = z.object({
  NODE_ENV: optional(z.enum(['development', 'test', 'production']).default('development')),
  /** HTTP port of the API (which also serves the built client). */
  PORT: optional(z.coerce.number().int().min(0).max(65535).default(3000)),
  /** The URL people reach Pulse at; links in emails are built from it. */
  PUBLIC_URL: optional(z.url().default('http://localhost:3000')),
  /** MongoDB connection string, database name included. */
  MONGODB_URI: optional(z.string().startsWith('mongodb').default('mongodb://127.0.0.1:27017/pulse')),
  REDIS_URL: optional(z.url().default('redis://127.0.0.1:6379')),
  /** Outgoing mail server, e.g. smtp://user:pass@smtp.example.com:587. */
  SMTP_URL: optional(z.url().default('smtp://127.0.0.1:1025')),
  /** Sender used when an organisation has not set its own. */
  MAIL_FROM: optional(z.string().default('Pulse <pulse@localhost>')),
  /** Signs tokens and cookies. At least 32 characters; required in production. */
  SECRET_KEY: optional(z.string().min(32).optional()),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  /** How many reverse proxies sit in front of the API; used to find the client IP. */
  TRUST_PROXY_HOPS: optional(z.coerce.number().int().min(0).max(10).default(0)),
  /** HTTP endpoint of the development mail catcher; enables the Outbox page. */
  MAIL_CATCHER_URL: optional(z.url().optional()),
  /** Folder with the built client; served at / when it exists. */
  CLIENT_DIST: optional(z.string().default('client/dist')),
  /** Upper bound for draining requests and jobs on SIGTERM. */
  SHUTDOWN_TIMEOUT_MS: optional(z.coerce.number().int().min(0).default(10_000)),
  /** Login attempts allowed per client IP and email in 15 minutes. */
  RATE_LIMIT_LOGIN: optional(z.coerce.number().int().min(1).default(10)),
  /** Sign-ups allowed per client IP per hour. */
  RATE_LIMIT_SIGNUP: optional(z.coerce.number().int().min(1).default(10)),
  /** Password-reset and verification emails allowed per client IP per hour. */
  RATE_LIMIT_PASSWORD_RESET: optional(z.coerce.number().int().min(1).default(5)),
  /** Web-link and widget answers allowed per client IP per 10 minutes. */
  RATE_LIMIT_WEB_SURVEY: optional(z.coerce.number().int().min(1).default(30)),
  /** How long after answering a respondent may still change their score or comment. */
  RESPONSE_CHANGE_WINDOW_MINUTES: optional(z.coerce.number().int().min(0).default(60)),
  /** A web-link answer sent sooner than this after the page was shown is taken for a bot. */
  WEB_SURVEY_MIN_SECONDS: optional(z.coerce.number().min(0).default(2)),
  /** Bearer token Prometheus sends to scrape /metrics; unset, /metrics is not served. */
  METRICS_TOKEN: optional(z.string().min(16).optional()),
  /** How often the worker looks for events whose dispatch was lost or whose subscribers keep failing. */
  EVENT_SWEEP_INTERVAL_MS: optional(z.coerce.number().int().min(100).default(30_000)),
  /** An event still unsettled this long after it happened is dispatched again by the sweeper. */
  EVENT_REDISPATCH_AFTER_MS: optional(z.coerce.number().int().min(0).default(60_000)),
  /** Concurrent jobs per worker process. */
  WORKER_CONCURRENCY: optional(z.coerce.number().int().min(1).max(100).default(5)),
  /** Survey emails each organisation may send per minute (reminders included). */
  SURVEY_MAILS_PER_MINUTE: optional(z.coerce.number().int().min(1).default(600)),
  /** Let webhook endpoints sit on loopback or private addresses (local receivers, tests); off: SSRF. */
  WEBHOOK_ALLOW_PRIVATE: optional(
    // An already-parsed config (tests re-parse one) holds a boolean; the environment, a string.
    z.preprocess((v) => (typeof v === 'boolean' ? String(v) : v), z.stringbool().default(false)),
  ),
  /** The first webhook retry's wait (ms); the rest of the Standard Webhooks schedule scales with it. */
  WEBHOOK_RETRY_BASE_MS: optional(z.coerce.number().int().min(1).default(5_000)),
  /** A webhook receiver that has not answered within this many ms counts as failed for that attempt. */
  WEBHOOK_TIMEOUT_MS: optional(z.coerce.number().int().min(100).default(10_000)),
});

export const CONFIG_KEYS = Object.keys(ConfigKeys.shape);

const ConfigSchema = ConfigKeys.superRefine((c, ctx) => {
  if (c.NODE_ENV === 'production' && !c.SECRET_KEY) {
    ctx.addIssue({ code: 'custom', path: ['SECRET_KEY'], message: 'is required in production' });
  }
}).transform((c) => ({ ...c, SECRET_KEY: c.SECRET_KEY ?? DEV_SECRET }));

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once; every bad key is reported, not just the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`),
  );
}
