import mongoose from 'mongoose';

import type { ErrorDetail } from '@pulse/shared/errors';
import type { CreateAssignmentRuleBody } from '@pulse/shared/schemas/teams';

import type { Ctx } from '../../lib/context';
import { derivedId, isDuplicateKey } from '../../lib/derived-id';
import { AppError, notFound } from '../../lib/errors';
import { attributeTypes } from '../contacts/contacts.service';
import { getTouchpoint } from '../touchpoints/touchpoints.service';
import {
  AssignmentRuleModel,
  RoundRobinModel,
  RoundRobinTurnModel,
  type AssignmentRuleDoc,
} from './assignment-rule.model';
import { assertMembers, assertTeams, listTeams, membershipOfUser, teamMembers } from './teams.service';

/** Rules in the order they are tried: by position, then oldest first. */
export const listAssignmentRules = (ctx: Pick<Ctx, 'organisationId'>) =>
  AssignmentRuleModel.find({ organisationId: ctx.organisationId })
    .sort({ position: 1, _id: 1 })
    .lean<AssignmentRuleDoc[]>();

/** What a rule names must exist here: its touchpoint, attribute, team and fixed user. */
async function assertReferences(ctx: Ctx, body: CreateAssignmentRuleBody) {
  const errors: ErrorDetail[] = [];
  if (body.touchpointId && !(await getTouchpoint(ctx, body.touchpointId).catch(() => null))) {
    errors.push({ path: 'body.touchpointId', message: 'must be a touchpoint of this organisation' });
  }
  if (body.attribute) {
    const type = (await attributeTypes(ctx)).get(body.attribute.key);
    if (!type)
      errors.push({ path: 'body.attribute.key', message: `no contact attribute is named "${body.attribute.key}"` });
    else if (typeof body.attribute.value !== type)
      errors.push({ path: 'body.attribute.value', message: `must be a ${type} (this attribute's type)` });
  }
  if (errors.length) throw new AppError('validation_failed', 'The rule names something unknown', errors);
  await assertTeams(ctx, [body.teamId], () => 'body.teamId');
  if (body.userId) await assertMembers(ctx, [body.userId], () => 'body.userId');
}

// A rule for round robin keeps no user: the field is the fixed strategy's alone.
const stored = (body: CreateAssignmentRuleBody) => ({
  ...body,
  userId: body.strategy === 'fixed' ? body.userId : null,
});

export async function createAssignmentRule(ctx: Ctx, body: CreateAssignmentRuleBody): Promise<AssignmentRuleDoc> {
  await assertReferences(ctx, body);
  const rule = await AssignmentRuleModel.create({ organisationId: ctx.organisationId, ...stored(body) });
  return rule.toObject() as AssignmentRuleDoc;
}

export async function updateAssignmentRule(ctx: Ctx, ruleId: string, body: CreateAssignmentRuleBody) {
  // An unknown rule (or another organisation's) is not found, whatever its body names.
  if (!(await AssignmentRuleModel.exists({ _id: ruleId, organisationId: ctx.organisationId })))
    throw notFound('Assignment rule');
  await assertReferences(ctx, body);
  const rule = await AssignmentRuleModel.findOneAndUpdate(
    { _id: ruleId, organisationId: ctx.organisationId },
    { $set: stored(body) },
    { returnDocument: 'after' },
  ).lean<AssignmentRuleDoc>();
  if (!rule) throw notFound('Assignment rule');
  return rule;
}

export async function deleteAssignmentRule(ctx: Ctx, ruleId: string): Promise<void> {
  const { deletedCount } = await AssignmentRuleModel.deleteOne({ _id: ruleId, organisationId: ctx.organisationId });
  if (!deletedCount) throw notFound('Assignment rule');
}

/**
 * The team's next turn, claimed by inserting it (see RoundRobinTurnModel): concurrent openings
 * collide on the derived _id and try the next one. The hint only saves attempts; a stale one
 * (two writers racing to move it) costs a few duplicate inserts, never a shared turn.
 */
async function nextTurn(ctx: Pick<Ctx, 'organisationId'>, teamId: string): Promise<number> {
  const hint = { _id: derivedId('team-round-robin', teamId), organisationId: ctx.organisationId };
  const start = (await RoundRobinModel.findOne(hint).lean())?.next ?? 0;
  for (let turn = start; ; turn++) {
    try {
      await RoundRobinTurnModel.create({
        _id: derivedId('team-round-robin', teamId, String(turn)),
        organisationId: ctx.organisationId,
        teamId,
        turn,
      });
    } catch (err) {
      if (isDuplicateKey(err)) continue;
      throw err;
    }
    await RoundRobinModel.updateOne(
      { ...hint, next: mongoose.trusted({ $lt: turn + 1 }) },
      { $set: { next: turn + 1 } },
      { upsert: true },
    ).catch((err: unknown) => {
      // Two first turns at once both upsert the hint: the other one's is as good.
      if (!isDuplicateKey(err)) throw err;
    });
    return turn;
  }
}

/** What a new case is matched on: its touchpoint and the contact's attributes when it answered. */
export interface AssignmentFacts {
  touchpointId: string | null;
  attributes: Record<string, unknown>;
}

export interface Assignment {
  teamId: string;
  /** A membership id, or null when the team has nobody (left) to take it. */
  assigneeId: string | null;
  ruleName: string;
}

const matches = (rule: AssignmentRuleDoc, facts: AssignmentFacts) =>
  (!rule.touchpointId || String(rule.touchpointId) === facts.touchpointId) &&
  (!rule.attribute?.key || facts.attributes[rule.attribute.key] === rule.attribute.value);

/**
 * The first matching rule's team, and who in it takes the case: the next member in the team's
 * order (round robin), or the rule's fixed user. Null when no rule matches.
 */
export async function assignmentFor(
  ctx: Pick<Ctx, 'organisationId'>,
  facts: AssignmentFacts,
): Promise<Assignment | null> {
  const rule = (await listAssignmentRules(ctx)).find((r) => matches(r, facts));
  if (!rule) return null;
  const teamId = String(rule.teamId);
  const team = (await listTeams(ctx)).find((t) => String(t._id) === teamId);
  if (!team) return null;
  if (rule.strategy === 'fixed' && rule.userId) {
    return { teamId, assigneeId: await membershipOfUser(ctx, String(rule.userId)), ruleName: rule.name };
  }
  const members = await teamMembers(ctx, team);
  if (members.length === 0) return { teamId, assigneeId: null, ruleName: rule.name };
  const turn = await nextTurn(ctx, teamId);
  return { teamId, assigneeId: members[turn % members.length]!.membershipId, ruleName: rule.name };
}
