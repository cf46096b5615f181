import { z } from 'zod';

import { Band } from '../metrics/scales';
import { Email, Id, IsoDate, singleLine } from './common';
import { ResponseChannel } from './responses';
import { WebhookUrl } from './webhooks';

export const CasePriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type CasePriority = z.infer<typeof CasePriority>;

/** A word as people type it: letters and digits of any script, inner apostrophes and hyphens. */
const Keyword = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}'’-]*$/u, 'must be one word (letters or digits)');

/** One test on a response; a group holds when all its conditions hold. */
export const AlertCondition = z.discriminatedUnion('field', [
  z.object({ field: z.literal('band'), in: z.array(Band).min(1) }),
  z
    .object({ field: z.literal('score'), min: z.number().int().optional(), max: z.number().int().optional() })
    .refine((c) => c.min !== undefined || c.max !== undefined, { message: 'needs a min or a max', path: ['min'] })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
      message: 'must not be above max',
      path: ['min'],
    }),
  z.object({ field: z.literal('touchpoint'), in: z.array(Id).min(1) }),
  z.object({ field: z.literal('channel'), in: z.array(ResponseChannel).min(1) }),
  z.object({
    field: z.literal('attribute'),
    key: z.string().min(1).max(64),
    in: z.array(z.union([z.string().max(200), z.number(), z.boolean()])).min(1),
  }),
  z.object({ field: z.literal('hasComment') }),
  /** Any of the words, whole words, case-insensitive. */
  z.object({ field: z.literal('keywords'), any: z.array(Keyword).min(1).max(50) }),
]);
export type AlertCondition = z.infer<typeof AlertCondition>;

export const ConditionGroup = z.array(AlertCondition).min(1, 'a group needs at least one condition').max(20);

/** How a rule's mail reaches its recipients: one per firing, or one list per rule and period. */
export const AlertDelivery = z.enum(['immediate', 'hourly', 'daily']);
export type AlertDelivery = z.infer<typeof AlertDelivery>;

const AttributeKey = z.string().min(1).max(64);

export const AlertChannels = z.object({
  emails: z.array(Email).max(20).default([]),
  /** Teams whose members are mailed too, resolved when the alert goes out. */
  teamIds: z.array(Id).max(20).default([]),
  webhook: z.boolean().default(false),
  /** A contact attribute holding an address (e.g. `accountManagerEmail`), read at firing. */
  attributeEmail: AttributeKey.nullable().default(null),
  /** A Slack- or Teams-compatible incoming webhook: one `{ text }` message per firing. */
  chatUrl: WebhookUrl.nullable().default(null),
});

const RuleFields = z.object({
  name: singleLine(100),
  enabled: z.boolean().default(true),
  /** Groups are alternatives (OR); conditions inside a group all hold (AND). */
  groups: z.array(ConditionGroup).min(1, 'a rule needs at least one condition group').max(10),
  /** The case's priority; the highest-priority matching rule opens the response's case. */
  priority: CasePriority.default('normal'),
  channels: AlertChannels.default({ emails: [], teamIds: [], webhook: false, attributeEmail: null, chatUrl: null }),
  delivery: AlertDelivery.default('immediate'),
  /** The hour (0–23, the organisation's reporting time zone) a daily digest goes out. */
  digestHour: z.number().int().min(0).max(23).default(0),
  /** Rules are evaluated by ascending order (then age); unset = after every existing rule. */
  order: z.number().int().min(0).max(1_000_000).optional(),
  /** A response this rule matched is not evaluated against the rules after it. */
  stopAfter: z.boolean().default(false),
  /** Also fire for invitations still unanswered this many days after they were sent. */
  noAnswerDays: z.number().int().min(1).max(90).nullable().default(null),
  openCase: z.boolean().default(true),
  /** Hours the case may stay open before it is overdue. */
  slaHours: z
    .number()
    .positive('must be more than zero')
    .max(24 * 90),
});
export const AlertRuleInput = RuleFields;
export type AlertRuleInput = z.input<typeof AlertRuleInput>;

/**
 * Only what is sent changes: the creation defaults are dropped, or renaming a rule would switch
 * its channels, order and flags back to them. `channels`, when sent, replaces the rule's channels.
 */
export const UpdateAlertRuleBody = RuleFields.extend({
  enabled: z.boolean(),
  priority: CasePriority,
  channels: AlertChannels,
  delivery: AlertDelivery,
  digestHour: RuleFields.shape.digestHour.removeDefault(),
  stopAfter: z.boolean(),
  noAnswerDays: RuleFields.shape.noAnswerDays.unwrap(),
  openCase: z.boolean(),
}).partial();

/** A rule as typed so far: only its conditions matter to the preview; other fields are ignored. */
export const AlertRulePreviewBody = z.object({ groups: RuleFields.shape.groups });

export const PREVIEW_DAYS = 30;
export const PREVIEW_CAP = 10_000;

export const AlertPreviewSample = z.object({
  responseId: Id,
  score: z.number(),
  band: z.string(),
  touchpointKey: z.string().nullable(),
  comment: z.string().nullable(),
  answeredAt: IsoDate,
});
export const AlertRulePreviewResponse = z.object({
  days: z.number(),
  /** Responses evaluated: the most recent ones of the period, at most `cap`. */
  evaluated: z.number(),
  cap: z.number(),
  /** True when the period held more than `cap` responses and older ones were not evaluated. */
  capped: z.boolean(),
  matched: z.number(),
  samples: z.array(AlertPreviewSample),
});
export type AlertRulePreviewResponse = z.infer<typeof AlertRulePreviewResponse>;

/** What became of one channel of a firing. */
export const FiringOutcome = z.object({ state: z.string(), detail: z.string().nullable() });
/** One mail a firing sent at once (the rule's addresses, its teams, the contact's attribute). */
export const FiringEmail = z.object({ to: z.string(), state: z.string(), detail: z.string().nullable() });
export const AlertFiring = z.object({
  id: Id,
  ruleId: Id,
  responseId: Id.nullable(),
  invitationId: Id.nullable(),
  kind: z.enum(['response', 'no_answer']),
  at: IsoDate,
  /** The response as it is now (null for "no answer" firings, or a response since erased). */
  score: z.number().nullable(),
  band: z.string().nullable(),
  touchpointKey: z.string().nullable(),
  comment: z.string().nullable(),
  /** The case the firing opened or found, if any. */
  caseId: Id.nullable(),
  emails: z.array(FiringEmail),
  attributeEmail: FiringOutcome.nullable(),
  chat: FiringOutcome.nullable(),
  digest: FiringOutcome.nullable(),
});
export type AlertFiring = z.infer<typeof AlertFiring>;
export const AlertFiringsQuery = z.strictObject({
  /** `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,15}_[a-f0-9]{24}$/, 'must be a nextCursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const AlertFiringsResponse = z.object({ firings: z.array(AlertFiring), nextCursor: z.string().nullable() });
export const AlertRuleParams = z.object({ ruleId: Id });

export const AlertRule = z.object({
  id: Id,
  name: z.string(),
  enabled: z.boolean(),
  groups: z.array(z.array(AlertCondition)),
  priority: CasePriority,
  channels: z.object({
    emails: z.array(z.string()),
    teamIds: z.array(Id),
    webhook: z.boolean(),
    attributeEmail: z.string().nullable(),
    chatUrl: z.string().nullable(),
  }),
  delivery: AlertDelivery,
  digestHour: z.number(),
  order: z.number(),
  stopAfter: z.boolean(),
  noAnswerDays: z.number().nullable(),
  openCase: z.boolean(),
  slaHours: z.number(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type AlertRule = z.infer<typeof AlertRule>;

export const AlertRuleResponse = z.object({ rule: AlertRule });
export const AlertRulesResponse = z.object({ rules: z.array(AlertRule) });
