import { z } from 'zod';

import { Band } from '../metrics/scales';
import { Email, Id, IsoDate, singleLine } from './common';
import { ResponseChannel } from './responses';

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

export const AlertRuleInput = z.object({
  name: singleLine(100),
  enabled: z.boolean().default(true),
  /** Groups are alternatives (OR); conditions inside a group all hold (AND). */
  groups: z.array(ConditionGroup).min(1, 'a rule needs at least one condition group').max(10),
  /** The case's priority; the highest-priority matching rule opens the response's case. */
  priority: CasePriority.default('normal'),
  channels: z
    .object({
      emails: z.array(Email).max(20).default([]),
      /** Teams whose members are mailed too, resolved when the alert goes out. */
      teamIds: z.array(Id).max(20).default([]),
      webhook: z.boolean().default(false),
    })
    .default({ emails: [], teamIds: [], webhook: false }),
  openCase: z.boolean().default(true),
  /** Hours the case may stay open before it is overdue. */
  slaHours: z
    .number()
    .positive('must be more than zero')
    .max(24 * 90),
});
export type AlertRuleInput = z.input<typeof AlertRuleInput>;

export const UpdateAlertRuleBody = AlertRuleInput.partial();
export const AlertRuleParams = z.object({ ruleId: Id });

export const AlertRule = z.object({
  id: Id,
  name: z.string(),
  enabled: z.boolean(),
  groups: z.array(z.array(AlertCondition)),
  priority: CasePriority,
  channels: z.object({ emails: z.array(z.string()), teamIds: z.array(Id), webhook: z.boolean() }),
  openCase: z.boolean(),
  slaHours: z.number(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type AlertRule = z.infer<typeof AlertRule>;

export const AlertRuleResponse = z.object({ rule: AlertRule });
export const AlertRulesResponse = z.object({ rules: z.array(AlertRule) });
