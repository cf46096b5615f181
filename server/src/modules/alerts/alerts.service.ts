import type { ErrorDetail } from '@pulse/shared/errors';
import type { AlertCondition, AlertRuleInput } from '@pulse/shared/schemas/alerts';
import { AlertRuleInput as RuleSchema, UpdateAlertRuleBody } from '@pulse/shared/schemas/alerts';
import type { z } from 'zod';

import type { Ctx } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { attributeTypes } from '../contacts/contacts.service';
import { assertSafeUrl } from '../webhooks/webhooks.service';
import { assertTeams } from '../teams/teams.service';
import { AlertRuleModel, storedGroups, type AlertRuleDoc } from './alert-rule.model';

type RuleInput = z.output<typeof RuleSchema>;
type RuleUpdate = z.output<typeof UpdateAlertRuleBody>;

/**
 * A condition on a contact attribute the organisation has never seen would never hold, and an
 * address attribute nobody has would never give an address: refused with their paths, like a typo
 * in any other field. So is a chat URL that could only reach Pulse's own network (SSRF).
 */
async function checkRule(ctx: Ctx, input: Pick<RuleUpdate, 'groups' | 'channels'>) {
  const known = await attributeTypes(ctx);
  const errors: ErrorDetail[] = [];
  input.groups?.forEach((group, g) =>
    group.forEach((c, i) => {
      if (c.field !== 'attribute') return;
      const type = known.get(c.key);
      if (!type)
        errors.push({ path: `body.groups.${g}.${i}.key`, message: `no contact attribute is named "${c.key}"` });
      else if (c.in.some((v) => typeof v !== type))
        errors.push({ path: `body.groups.${g}.${i}.in`, message: `must be ${type} values (this attribute's type)` });
    }),
  );
  const key = input.channels?.attributeEmail;
  if (key && known.get(key) !== 'string')
    errors.push({
      path: 'body.channels.attributeEmail',
      message: known.has(key) ? `"${key}" is not a text attribute` : `no contact attribute is named "${key}"`,
    });
  if (errors.length) throw new AppError('validation_failed', 'The rule names an unknown attribute', errors);
  if (input.channels?.chatUrl) await assertSafeUrl(input.channels.chatUrl, 'body.channels.chatUrl');
}

/** A draft's conditions, checked as a saved rule's are (the preview). */
export const checkConditions = (ctx: Ctx, groups: AlertCondition[][]) => checkRule(ctx, { groups });

/** After every existing rule, unless placed explicitly. */
async function nextOrder(ctx: Ctx): Promise<number> {
  const [last] = await AlertRuleModel.find({ organisationId: ctx.organisationId })
    .sort({ order: -1 })
    .limit(1)
    .select({ order: 1 })
    .lean();
  return last ? (last.order ?? 0) + 1 : 0;
}

export async function createRule(ctx: Ctx, input: RuleInput): Promise<AlertRuleDoc> {
  await checkRule(ctx, input);
  if (input.channels) await assertTeams(ctx, input.channels.teamIds, (i) => `body.channels.teamIds.${i}`);
  const rule = await AlertRuleModel.create({
    ...input,
    order: input.order ?? (await nextOrder(ctx)),
    groups: storedGroups(input.groups),
    organisationId: ctx.organisationId,
  });
  return rule.toObject() as AlertRuleDoc;
}

/** In evaluation order. */
export const listRules = (ctx: Ctx) =>
  AlertRuleModel.find({ organisationId: ctx.organisationId }).sort({ order: 1, _id: 1 }).lean<AlertRuleDoc[]>();

export async function getRule(ctx: Ctx, ruleId: string): Promise<AlertRuleDoc> {
  const rule = await AlertRuleModel.findOne({ _id: ruleId, organisationId: ctx.organisationId }).lean<AlertRuleDoc>();
  if (!rule) throw notFound('Alert rule');
  return rule;
}

export async function updateRule(ctx: Ctx, ruleId: string, input: RuleUpdate): Promise<AlertRuleDoc> {
  await checkRule(ctx, input);
  if (input.channels) await assertTeams(ctx, input.channels.teamIds, (i) => `body.channels.teamIds.${i}`);
  const rule = await AlertRuleModel.findOneAndUpdate(
    { _id: ruleId, organisationId: ctx.organisationId },
    { $set: { ...input, ...(input.groups && { groups: storedGroups(input.groups) }) } },
    { returnDocument: 'after' },
  ).lean<AlertRuleDoc>();
  if (!rule) throw notFound('Alert rule');
  return rule;
}

export async function deleteRule(ctx: Ctx, ruleId: string): Promise<void> {
  const { deletedCount } = await AlertRuleModel.deleteOne({ _id: ruleId, organisationId: ctx.organisationId });
  if (!deletedCount) throw notFound('Alert rule');
}

/** Enabled rules in evaluation order: ascending `order`, then oldest first. */
export const activeRules = (ctx: Ctx) =>
  AlertRuleModel.find({ organisationId: ctx.organisationId, enabled: true })
    .sort({ order: 1, _id: 1 })
    .lean<AlertRuleDoc[]>();

export type { AlertRuleInput };
