import { z } from 'zod';

import { SurveyDefinition, surveyDefinitionJsonSchema } from '@pulse/shared/schemas/survey-definition';
import {
  CreateSurveyBody,
  ListSurveysQuery,
  PublishSurveyBody,
  SurveyParams,
  SurveyResponse,
  SurveysResponse,
  SurveyVersionParams,
  SurveyVersionResponse,
  SurveyVersionsResponse,
  UpdateSurveyBody,
} from '@pulse/shared/schemas/surveys';
import { SurveyTemplatesResponse } from '@pulse/shared/schemas/survey-templates';
import { SURVEY_TEMPLATES } from '@pulse/shared/surveys/templates';

import { notFound } from '../../lib/errors';
import type { Api } from '../auth/access';
import { publishSurvey, transitionSurvey, type SurveyTransition } from './surveys.lifecycle';
import { presentSurvey, presentSurveySummary, presentVersion, presentVersionSummary } from './surveys.presenter';
import {
  createSurvey,
  duplicateSurvey,
  getSurveyVersion,
  listSurveys,
  listVersions,
  loadSurvey,
  updateDraft,
} from './surveys.service';

const read = { permission: 'surveys.read', apiKeyScope: 'surveys:read' } as const;
const write = { permission: 'surveys.write' } as const;
const tags = ['surveys'];
const one = { description: 'The survey', schema: SurveyResponse };

export function registerSurveyRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/survey-definition/schema',
    summary: 'The survey definition as JSON Schema (draft 2020-12)',
    tags,
    access: read,
    responses: { 200: { description: 'JSON Schema', schema: z.record(z.string(), z.unknown()) } },
    handler: (_input, _req, res) => res.json(surveyDefinitionJsonSchema()),
  });

  api.route({
    method: 'get',
    path: '/api/v1/survey-templates',
    summary: 'Templates to start a survey from; each is a valid definition',
    tags,
    access: read,
    responses: { 200: { description: 'Templates', schema: SurveyTemplatesResponse } },
    handler: (_input, _req, res) => {
      res.json({
        templates: SURVEY_TEMPLATES.map((t) => {
          const definition = SurveyDefinition.parse(t.definition);
          return { ...t, languages: definition.languages, definition };
        }),
      });
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/surveys',
    summary: 'Surveys, newest first; search by name, filter by status',
    tags,
    access: read,
    query: ListSurveysQuery,
    responses: { 200: { description: 'A page of surveys', schema: SurveysResponse } },
    handler: async ({ query, ctx }, _req, res) => {
      const page = await listSurveys(ctx, query);
      res.json({ surveys: page.surveys.map(presentSurveySummary), nextCursor: page.nextCursor });
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/surveys',
    summary: 'Create a draft survey: blank of a kind, from a template, or from a definition',
    tags,
    access: write,
    body: CreateSurveyBody,
    responses: { 201: one },
    handler: async ({ body, ctx }, _req, res) => {
      res.status(201).json({ survey: presentSurvey(await createSurvey(ctx, body)) });
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/surveys/:surveyId',
    summary: 'A survey with its working draft',
    tags,
    access: read,
    params: SurveyParams,
    responses: { 200: one },
    handler: async ({ params, ctx }, _req, res) => {
      res.json({ survey: presentSurvey(await loadSurvey(ctx, params.surveyId)) });
    },
  });

  api.route({
    method: 'put',
    path: '/api/v1/surveys/:surveyId/draft',
    summary: 'Save the draft (of the next version, once published); 409 if based on a stale revision',
    tags,
    access: write,
    params: SurveyParams,
    body: UpdateSurveyBody,
    responses: { 200: one },
    handler: async ({ params, body, ctx }, _req, res) => {
      res.json({ survey: presentSurvey(await updateDraft(ctx, params.surveyId, body)) });
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/surveys/:surveyId/duplicate',
    summary: 'Copy the survey’s draft into a new draft survey',
    tags,
    access: write,
    params: SurveyParams,
    responses: { 201: one },
    handler: async ({ params, ctx }, _req, res) => {
      res.status(201).json({ survey: presentSurvey(await duplicateSurvey(ctx, params.surveyId)) });
    },
  });

  api.route({
    method: 'post',
    path: '/api/v1/surveys/:surveyId/publish',
    summary: 'Freeze the draft at `revision` as the next immutable version and make it current',
    tags,
    access: write,
    params: SurveyParams,
    body: PublishSurveyBody,
    responses: { 200: one },
    handler: async ({ params, body, ctx }, _req, res) => {
      res.json({ survey: presentSurvey(await publishSurvey(ctx, params.surveyId, body.revision)) });
    },
  });

  const transitions: Record<SurveyTransition, string> = {
    pause: 'Pause an active survey: no new invitations or answers',
    resume: 'Resume a paused survey',
    archive: 'Archive a survey: read-only from now on',
  };
  for (const [transition, summary] of Object.entries(transitions) as Array<[SurveyTransition, string]>) {
    api.route({
      method: 'post',
      path: `/api/v1/surveys/:surveyId/${transition}`,
      summary,
      tags,
      access: write,
      params: SurveyParams,
      responses: { 200: one },
      handler: async ({ params, ctx }, _req, res) => {
        res.json({ survey: presentSurvey(await transitionSurvey(ctx, params.surveyId, transition)) });
      },
    });
  }

  api.route({
    method: 'get',
    path: '/api/v1/surveys/:surveyId/versions',
    summary: 'Published versions, newest first',
    tags,
    access: read,
    params: SurveyParams,
    responses: { 200: { description: 'Versions', schema: SurveyVersionsResponse } },
    handler: async ({ params, ctx }, _req, res) => {
      res.json({ versions: (await listVersions(ctx, params.surveyId)).map(presentVersionSummary) });
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/surveys/:surveyId/versions/:version',
    summary: 'One published version exactly as it was frozen',
    tags,
    access: read,
    params: SurveyVersionParams,
    responses: { 200: { description: 'The version', schema: SurveyVersionResponse } },
    handler: async ({ params, ctx }, _req, res) => {
      const version = await getSurveyVersion(ctx, params.surveyId, params.version);
      if (!version) throw notFound('Survey version');
      res.json({ version: presentVersion(version) });
    },
  });
}
