import { z } from 'zod';

import { Id, IsoDate, singleLine } from './common';

/** A group of teammates cases, escalations and alerts can go to ("Support EU", "Billing"). */
export const Team = z.object({
  id: Id,
  name: z.string(),
  /** User ids of the organisation's members, in round-robin order. */
  memberIds: z.array(Id),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Team = z.infer<typeof Team>;

const uniqueIds = (max: number) =>
  z
    .array(Id)
    .max(max)
    .refine((ids) => new Set(ids).size === ids.length, 'lists someone twice');

export const CreateTeamBody = z.strictObject({
  name: singleLine(80),
  memberIds: uniqueIds(200).default([]),
});
export type CreateTeamBody = z.output<typeof CreateTeamBody>;

export const UpdateTeamBody = z
  .strictObject({ name: singleLine(80).optional(), memberIds: uniqueIds(200).optional() })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export type UpdateTeamBody = z.output<typeof UpdateTeamBody>;

export const TeamParams = z.strictObject({ teamId: Id });
export const TeamResponse = z.object({ team: Team });
export const TeamsResponse = z.object({ teams: z.array(Team) });

export const AssignmentStrategy = z.enum(['round_robin', 'fixed']);
export type AssignmentStrategy = z.infer<typeof AssignmentStrategy>;

/** A contact attribute value a rule matches, as the contact carries it ("region" = "EU"). */
const AttributeMatch = z.strictObject({
  key: z.string().trim().min(1).max(64),
  value: z.union([z.string().max(200), z.number(), z.boolean()]),
});

const ruleFields = {
  name: singleLine(100),
  /** Rules are tried by ascending position; the first that matches assigns the case. */
  position: z.number().int().min(0).max(10_000),
  touchpointId: Id.nullable(),
  attribute: AttributeMatch.nullable(),
  teamId: Id,
  strategy: AssignmentStrategy,
  /** With `fixed`: the user the case goes to (a member of the organisation). */
  userId: Id.nullable(),
};

export const CreateAssignmentRuleBody = z
  .strictObject({
    ...ruleFields,
    position: ruleFields.position.default(0),
    touchpointId: ruleFields.touchpointId.default(null),
    attribute: ruleFields.attribute.default(null),
    strategy: AssignmentStrategy.default('round_robin'),
    userId: ruleFields.userId.default(null),
  })
  .refine((r) => r.touchpointId !== null || r.attribute !== null, {
    message: 'must match on a touchpoint, an attribute or both',
    path: ['touchpointId'],
  })
  .refine((r) => r.strategy !== 'fixed' || r.userId !== null, {
    message: 'is required when the strategy is fixed',
    path: ['userId'],
  });
export type CreateAssignmentRuleBody = z.output<typeof CreateAssignmentRuleBody>;
/** A whole rule replaces the old one: what it matches and what it does are read together. */
export const UpdateAssignmentRuleBody = CreateAssignmentRuleBody;

export const AssignmentRuleParams = z.strictObject({ ruleId: Id });

export const AssignmentRule = z.object({
  id: Id,
  ...ruleFields,
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type AssignmentRule = z.infer<typeof AssignmentRule>;

export const AssignmentRuleResponse = z.object({ rule: AssignmentRule });
export const AssignmentRulesResponse = z.object({ rules: z.array(AssignmentRule) });
