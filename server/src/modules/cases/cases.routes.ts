import {
  CaseNoteBody,
  CaseParams,
  CaseReplyBody,
  CaseResponse,
  CasesQuery,
  CasesResponse,
  CaseTransitionBody,
  CloseCaseBody,
  OpenCaseBody,
  UpdateCaseBody,
} from '@pulse/shared/schemas/cases';

import type { Api } from '../auth/access';
import { presentCase, presentCaseSummary } from './cases.presenter';
import {
  addNote,
  caseClock,
  closeCase,
  getCase,
  listCases,
  openCase,
  replyToCustomer,
  transitionCase,
  updateCase,
} from './cases.service';

export function registerCaseRoutes(api: Api): void {
  const access = { permission: 'cases.work' } as const;
  const one = { 200: { description: 'The case', schema: CaseResponse } };
  api.route({
    method: 'get',
    path: '/api/v1/cases',
    summary: 'The case inbox: open cases, mine, overdue, or all',
    tags: ['cases'],
    access,
    query: CasesQuery,
    responses: { 200: { description: 'Cases, most urgent due date first', schema: CasesResponse } },
    handler: async ({ ctx, query }, _req, res) => {
      const clock = await caseClock(ctx);
      res.json({ cases: (await listCases(ctx, query.view)).map((c) => presentCaseSummary(c, clock)) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/cases',
    summary: "Open a case from a response by hand (or find the response's case)",
    tags: ['cases'],
    access,
    body: OpenCaseBody,
    responses: { 201: { description: 'The case', schema: CaseResponse } },
    handler: async ({ ctx, body }, _req, res) => {
      res.status(201).json({ case: presentCase(await openCase(ctx, { ...body, ruleId: null }), await caseClock(ctx)) });
    },
  });
  api.route({
    method: 'get',
    path: '/api/v1/cases/:caseId',
    summary: 'One case with its timeline',
    tags: ['cases'],
    access,
    params: CaseParams,
    responses: one,
    handler: async ({ ctx, params }, _req, res) => {
      res.json({ case: presentCase(await getCase(ctx, params.caseId), await caseClock(ctx)) });
    },
  });
  api.route({
    method: 'patch',
    path: '/api/v1/cases/:caseId',
    summary: 'Assign, prioritise or tag a case',
    tags: ['cases'],
    access,
    params: CaseParams,
    body: UpdateCaseBody,
    responses: one,
    handler: async ({ ctx, params, body }, _req, res) => {
      res.json({ case: presentCase(await updateCase(ctx, params.caseId, body), await caseClock(ctx)) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/cases/:caseId/status',
    summary: 'Move a case to another status (reopen included), from the status the agent saw',
    tags: ['cases'],
    access,
    params: CaseParams,
    body: CaseTransitionBody,
    responses: one,
    handler: async ({ ctx, params, body }, _req, res) => {
      res.json({ case: presentCase(await transitionCase(ctx, params.caseId, body), await caseClock(ctx)) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/cases/:caseId/close',
    summary: 'Close a case with its root cause and whether it was resolved',
    tags: ['cases'],
    access,
    params: CaseParams,
    body: CloseCaseBody,
    responses: one,
    handler: async ({ ctx, params, body }, _req, res) => {
      res.json({ case: presentCase(await closeCase(ctx, params.caseId, body), await caseClock(ctx)) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/cases/:caseId/notes',
    summary: 'Add an internal note to the timeline',
    tags: ['cases'],
    access,
    params: CaseParams,
    body: CaseNoteBody,
    responses: one,
    handler: async ({ ctx, params, body }, _req, res) => {
      res.json({ case: presentCase(await addNote(ctx, params.caseId, body.text), await caseClock(ctx)) });
    },
  });
  api.route({
    method: 'post',
    path: '/api/v1/cases/:caseId/reply',
    summary: 'Email the customer from the organisation, replies going to the agent; optionally resolve',
    tags: ['cases'],
    access,
    params: CaseParams,
    body: CaseReplyBody,
    responses: one,
    handler: async ({ ctx, params, body }, _req, res) => {
      res.json({ case: presentCase(await replyToCustomer(ctx, params.caseId, body), await caseClock(ctx)) });
    },
  });
}
