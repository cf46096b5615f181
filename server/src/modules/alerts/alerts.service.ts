import type { ErrorDetail } from '@pulse/shared/errors';
import type { AlertCondition, AlertRuleInput } from '@pulse/shared/schemas/alerts';
import { AlertRuleInput as RuleSchema, UpdateAlertRuleBody } from '@pulse/shared/schemas/alerts';
import type { z } from 'zod';

import type { Ctx } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { attributeTypes } from '../contacts/contacts.service';
import { assertTeams } from '../teams/teams.service';
import { AlertRuleModel, storedGroups, type AlertRuleDoc } from './alert-rule.model';

type RuleInput = z.output<typeof RuleSchema>;
type RuleUpdate = z.output<typeof UpdateAlertRuleBody>;

/**
 * A condition on a contact attribute the organisation has never seen would never hold: refused
 * with its path, like a typo in any other field.
 */
async function checkAttributes(ctx: Ctx, groups: AlertCondition[][]) {
  const known = await attributeTypes(ctx);
  const errors: ErrorDetail[] = [];
  groups.forEach((group, g) =>
    group.forEach((c, i) => {
      if (c.field !== 'attribute') return;
      const type = known.get(c.key);
      if (!type)
        errors.push({ path: `body.groups.${g}.${i}.key`, message: `no contact attribute is named "${c.key}"` });
      else if (c.in.some((v) => typeof v !== type))
        errors.push({ path: `body.groups.${g}.${i}.in`, message: `must be ${type} values (this attribute's type)` });
    }),
  );
  if (errors.length) throw new AppError('validation_failed', 'The rule names an unknown attribute', errors);
}

export async function createRule(ctx: Ctx, input: RuleInput): Promise<AlertRuleDoc> {
  await checkAttributes(ctx, input.groups);
  await assertTeams(ctx, input.channels.teamIds, (i) => `body.channels.teamIds.${i}`);
  const rule = await AlertRuleModel.create({
    ...input,
    groups: storedGroups(input.groups),
    organisationId: ctx.organisationId,
  });
  return rule.toObject() as AlertRuleDoc;
}

export const listRules = (ctx: Ctx) =>
  AlertRuleModel.find({ organisationId: ctx.organisationId }).sort({ _id: 1 }).lean<AlertRuleDoc[]>();

export async function getRule(ctx: Ctx, ruleId: string): Promise<AlertRuleDoc> {
  const rule = await AlertRuleModel.findOne({ _id: ruleId, organisationId: ctx.organisationId }).lean<AlertRuleDoc>();
  if (!rule) throw notFound('Alert rule');
  return rule;
}

export async function updateRule(ctx: Ctx, ruleId: string, input: RuleUpdate): Promise<AlertRuleDoc> {
  if (input.groups) await checkAttributes(ctx, input.groups);
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

const RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const;

/** Enabled rules, most urgent first (then oldest): the first matching one opens the case. */
export async function activeRules(ctx: Ctx): Promise<AlertRuleDoc[]> {
  const rules = await AlertRuleModel.find({ organisationId: ctx.organisationId, enabled: true })
    .sort({ _id: 1 })
    .lean<AlertRuleDoc[]>();
  return rules.sort((a, b) => RANK[a.priority] - RANK[b.priority]);
}

export type { AlertRuleInput };
