import {
  AssignmentRuleParams,
  AssignmentRuleResponse,
  AssignmentRulesResponse,
  CreateAssignmentRuleBody,
  CreateTeamBody,
  TeamParams,
  TeamResponse,
  TeamsResponse,
  UpdateAssignmentRuleBody,
  UpdateTeamBody,
} from '@pulse/shared/schemas/teams';

import type { Api } from '../auth/access';
import {
  createAssignmentRule,
  deleteAssignmentRule,
  listAssignmentRules,
  updateAssignmentRule,
} from './assignment.service';
import { presentAssignmentRule, presentTeam } from './teams.presenter';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams.service';

export function registerTeamRoutes(api: Api): void {
  // Everyone reads the teams (to pick one on a case); who is in which and where cases go is the admins'.
  const read = { permission: 'members.read' } as const;
  const manage = { permission: 'members.manage' } as const;
  const tags = ['teams'];
  api.route({
    method: 'get',
    path: '/api/v1/teams',
    summary: 'Teams of the organisation, by name',
    tags,
    access: read,
    responses: { 200: { description: 'Teams', schema: TeamsResponse } },
    handler: async ({ ctx }, _req, res) => res.json({ teams: (await listTeams(ctx)).map(presentTeam) }),
  });
  api.route({
    method: 'post',
    path: '/api/v1/teams',
    summary: 'Create a team of members',
    tags,
    access: manage,
    body: CreateTeamBody,
    responses: { 201: { description: 'Created', schema: TeamResponse } },
    handler: async ({ ctx, body }, _req, res) => {
      res.status(201).json({ team: presentTeam(await createTeam(ctx, body)) });
    },
  });
  api.route({
    method: 'get',
    path: '/api/v1/teams/:teamId',
    summary: 'One team',
    tags,
    access: read,
    params: TeamParams,
    responses: { 200: { description: 'The team', schema: TeamResponse } },
    handler: async ({ ctx, params }, _req, res) => res.json({ team: presentTeam(await getTeam(ctx, params.teamId)) }),
  });
  api.route({
    method: 'patch',
    path: '/api/v1/teams/:teamId',
    summary: "Rename a team or replace its members (their order is the round robin's)",
    tags,
    access: manage,
    params: TeamParams,
    body: UpdateTeamBody,
    responses: { 200: { description: 'The team', schema: TeamResponse } },
    handler: async ({ ctx, params, body }, _req, res) => {
      res.json({ team: presentTeam(await updateTeam(ctx, params.teamId, body)) });
    },
  });
  api.route({
    method: 'delete',
    path: '/api/v1/teams/:teamId',
    summary: 'Delete a team and its assignment rules',
    tags,
    access: manage,
    params: TeamParams,
    responses: { 204: { description: 'Deleted' } },
    handler: async ({ ctx, params }, _req, res) => {
      await deleteTeam(ctx, params.teamId);
      res.status(204).end();
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/assignment-rules',
    summary: 'Assignment rules in the order they are tried',
    tags,
    access: read,
    responses: { 200: { description: 'Rules', schema: AssignmentRulesResponse } },
    handler: async ({ ctx }, _req, res) => {
      res.json({ rules: (await listAssignmentRules(ctx)).map(presentAssignmentRule) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/assignment-rules',
    summary: 'Send new cases of a touchpoint or attribute value to a team (round robin or a fixed person)',
    tags,
    access: manage,
    body: CreateAssignmentRuleBody,
    responses: { 201: { description: 'Created', schema: AssignmentRuleResponse } },
    handler: async ({ ctx, body }, _req, res) => {
      res.status(201).json({ rule: presentAssignmentRule(await createAssignmentRule(ctx, body)) });
    },
  });
  api.route({
    method: 'put',
    path: '/api/v1/assignment-rules/:ruleId',
    summary: 'Replace an assignment rule',
    tags,
    access: manage,
    params: AssignmentRuleParams,
    body: UpdateAssignmentRuleBody,
    responses: { 200: { description: 'The rule', schema: AssignmentRuleResponse } },
    handler: async ({ ctx, params, body }, _req, res) => {
      res.json({ rule: presentAssignmentRule(await updateAssignmentRule(ctx, params.ruleId, body)) });
    },
  });
  api.route({
    method: 'delete',
    path: '/api/v1/assignment-rules/:ruleId',
    summary: 'Delete an assignment rule',
    tags,
    access: manage,
    params: AssignmentRuleParams,
    responses: { 204: { description: 'Deleted' } },
    handler: async ({ ctx, params }, _req, res) => {
      await deleteAssignmentRule(ctx, params.ruleId);
      res.status(204).end();
    },
  });
}
