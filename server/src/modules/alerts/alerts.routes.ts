import {
  AlertFiringsQuery,
  AlertFiringsResponse,
  AlertRuleInput,
  AlertRulePreviewBody,
  AlertRulePreviewResponse,
  AlertRuleParams,
  AlertRuleResponse,
  AlertRulesResponse,
  UpdateAlertRuleBody,
} from '@pulse/shared/schemas/alerts';

import type { Api } from '../auth/access';
import { firingsLog } from './alerts.firings-log';
import { presentRule } from './alerts.presenter';
import { previewRule } from './alerts.preview';
import { createRule, deleteRule, getRule, listRules, updateRule } from './alerts.service';

export function registerAlertRoutes(api: Api): void {
  const access = { permission: 'alerts.manage' } as const;
  api.route({
    method: 'get',
    path: '/api/v1/alert-rules',
    summary: 'Alert rules: which feedback tells whom, and opens a case',
    tags: ['alerts'],
    access,
    responses: { 200: { description: 'Rules', schema: AlertRulesResponse } },
    handler: async ({ ctx }, _req, res) => {
      res.json({ rules: (await listRules(ctx)).map(presentRule) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/alert-rules',
    summary: 'Create an alert rule',
    tags: ['alerts'],
    access,
    body: AlertRuleInput,
    responses: { 201: { description: 'Created', schema: AlertRuleResponse } },
    handler: async ({ ctx, body }, _req, res) => {
      res.status(201).json({ rule: presentRule(await createRule(ctx, body)) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/alert-rules/preview',
    summary:
      'Test a rule draft against the last 30 days: how many confirmed responses it matches (of the 10,000 most recent at most) and up to 20 of them',
    tags: ['alerts'],
    access,
    body: AlertRulePreviewBody,
    responses: { 200: { description: 'What the draft would have matched', schema: AlertRulePreviewResponse } },
    handler: async ({ ctx, body }, _req, res) => {
      res.json(await previewRule(ctx, body.groups));
    },
  });
  api.route({
    method: 'get',
    path: '/api/v1/alert-rules/:ruleId/firings',
    summary:
      "A rule's firings, newest first and paged: the response with its score and touchpoint, the case, and what became of each channel (e.g. skipped: no address)",
    tags: ['alerts'],
    access,
    params: AlertRuleParams,
    query: AlertFiringsQuery,
    responses: { 200: { description: 'Firings, newest first', schema: AlertFiringsResponse } },
    handler: async ({ ctx, params, query }, _req, res) => {
      await getRule(ctx, params.ruleId);
      res.json(await firingsLog(ctx, params.ruleId, query));
    },
  });
  api.route({
    method: 'get',
    path: '/api/v1/alert-rules/:ruleId',
    summary: 'One alert rule',
    tags: ['alerts'],
    access,
    params: AlertRuleParams,
    responses: { 200: { description: 'The rule', schema: AlertRuleResponse } },
    handler: async ({ ctx, params }, _req, res) => {
      res.json({ rule: presentRule(await getRule(ctx, params.ruleId)) });
    },
  });
  api.route({
    method: 'patch',
    path: '/api/v1/alert-rules/:ruleId',
    summary: 'Change an alert rule (responses already alerted are not alerted again)',
    tags: ['alerts'],
    access,
    params: AlertRuleParams,
    body: UpdateAlertRuleBody,
    responses: { 200: { description: 'Updated', schema: AlertRuleResponse } },
    handler: async ({ ctx, params, body }, _req, res) => {
      res.json({ rule: presentRule(await updateRule(ctx, params.ruleId, body)) });
    },
  });
  api.route({
    method: 'delete',
    path: '/api/v1/alert-rules/:ruleId',
    summary: 'Delete an alert rule; the cases it opened stay',
    tags: ['alerts'],
    access,
    params: AlertRuleParams,
    responses: { 204: { description: 'Deleted' } },
    handler: async ({ ctx, params }, _req, res) => {
      await deleteRule(ctx, params.ruleId);
      res.status(204).end();
    },
  });
}
