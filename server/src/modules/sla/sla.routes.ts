import {
  BusinessCalendar,
  BusinessCalendarResponse,
  CreateSlaPolicyBody,
  SlaPoliciesResponse,
  SlaPolicyParams,
  SlaPolicyResponse,
  UpdateSlaPolicyBody,
} from '@pulse/shared/schemas/sla';

import type { Api } from '../auth/access';
import { presentPolicy } from './sla.presenter';
import {
  createPolicy,
  deletePolicy,
  getCalendar,
  getPolicy,
  listPolicies,
  saveCalendar,
  updatePolicy,
} from './sla.service';

/** Agents read the targets their cases run on; only admins change them. */
export function registerSlaRoutes(api: Api): void {
  const read = { permission: 'cases.work' } as const;
  const manage = { permission: 'org.manage' } as const;
  const tags = ['sla'];
  const one = { description: 'The policy', schema: SlaPolicyResponse };

  api.route({
    method: 'get',
    path: '/api/v1/sla/calendar',
    summary: 'The business-hours calendar: time zone, weekly opening hours, holidays',
    tags,
    access: read,
    responses: { 200: { description: 'The calendar', schema: BusinessCalendarResponse } },
    handler: async ({ ctx }, _req, res) => {
      res.json({ calendar: await getCalendar(ctx) });
    },
  });
  api.route({
    method: 'put',
    path: '/api/v1/sla/calendar',
    summary: 'Replace the business-hours calendar (cases opened or re-prioritised afterwards use it)',
    tags,
    access: manage,
    body: BusinessCalendar,
    responses: { 200: { description: 'The calendar', schema: BusinessCalendarResponse } },
    handler: async ({ ctx, body }, _req, res) => {
      res.json({ calendar: await saveCalendar(ctx, body) });
    },
  });
  api.route({
    method: 'get',
    path: '/api/v1/sla/policies',
    summary: 'SLA policies per touchpoint × priority, with their escalation steps',
    tags,
    access: read,
    responses: { 200: { description: 'Policies', schema: SlaPoliciesResponse } },
    handler: async ({ ctx }, _req, res) => {
      res.json({ policies: (await listPolicies(ctx)).map(presentPolicy) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/sla/policies',
    summary: 'Create a policy (null touchpoint or priority: any; both null: the organisation default)',
    tags,
    access: manage,
    body: CreateSlaPolicyBody,
    responses: { 201: one },
    handler: async ({ ctx, body }, _req, res) => {
      res.status(201).json({ policy: presentPolicy(await createPolicy(ctx, body)) });
    },
  });
  api.route({
    method: 'get',
    path: '/api/v1/sla/policies/:policyId',
    summary: 'One policy',
    tags,
    access: read,
    params: SlaPolicyParams,
    responses: { 200: one },
    handler: async ({ ctx, params }, _req, res) => {
      res.json({ policy: presentPolicy(await getPolicy(ctx, params.policyId)) });
    },
  });
  api.route({
    method: 'put',
    path: '/api/v1/sla/policies/:policyId',
    summary: 'Replace a policy and its steps',
    tags,
    access: manage,
    params: SlaPolicyParams,
    body: UpdateSlaPolicyBody,
    responses: { 200: one },
    handler: async ({ ctx, params, body }, _req, res) => {
      res.json({ policy: presentPolicy(await updatePolicy(ctx, params.policyId, body)) });
    },
  });
  api.route({
    method: 'delete',
    path: '/api/v1/sla/policies/:policyId',
    summary: 'Delete a policy (its cases keep their due times)',
    tags,
    access: manage,
    params: SlaPolicyParams,
    responses: { 204: { description: 'Deleted' } },
    handler: async ({ ctx, params }, _req, res) => {
      await deletePolicy(ctx, params.policyId);
      res.status(204).end();
    },
  });
}
