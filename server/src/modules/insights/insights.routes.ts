import {
  InsightsQuery,
  InsightsResponse,
  ThemeCommentsQuery,
  ThemeCommentsResponse,
  VocabularyBody,
  VocabularyResponse,
} from '@pulse/shared/schemas/insights';

import { AppError } from '../../lib/errors';
import type { Api } from '../auth/access';
import { themeComments } from './insights.comments';
import { defineTheme, drivers, emerging, touchpointThemes, vocabulary } from './insights.read';

const read = { permission: 'responses.read', apiKeyScope: 'responses:read' } as const;
const write = { permission: 'surveys.write' } as const;
const tags = ['insights'];
const ranked = { 200: { description: 'Significant themes, strongest first', schema: InsightsResponse } };

export function registerInsightRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/insights/themes',
    summary: "What a touchpoint's comments talk about more than the other touchpoints'",
    tags,
    access: read,
    query: InsightsQuery,
    responses: ranked,
    handler: async ({ query, ctx }, _req, res) => {
      if (!query.touchpointId) {
        throw new AppError('validation_failed', 'Themes compare one touchpoint with the others', [
          { path: 'query.touchpointId', message: 'required' },
        ]);
      }
      res.json(await touchpointThemes(ctx, { ...query, touchpointId: query.touchpointId }));
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/insights/drivers',
    summary: 'Themes detractors mention more than promoters',
    tags,
    access: read,
    query: InsightsQuery,
    responses: ranked,
    handler: async ({ query, ctx }, _req, res) => res.json(await drivers(ctx, query)),
  });

  api.route({
    method: 'get',
    path: '/api/v1/insights/emerging',
    summary: 'Themes of the last four weeks that were rarer before',
    tags,
    access: read,
    query: InsightsQuery,
    responses: ranked,
    handler: async ({ query, ctx }, _req, res) => res.json(await emerging(ctx, query)),
  });

  api.route({
    method: 'get',
    path: '/api/v1/insights/comments',
    summary: 'The comments that mention a theme, newest first, with its words marked',
    tags,
    access: read,
    query: ThemeCommentsQuery,
    responses: { 200: { description: 'Comments mentioning the theme', schema: ThemeCommentsResponse } },
    handler: async ({ query, ctx }, _req, res) => res.json(await themeComments(ctx, query)),
  });

  api.route({
    method: 'get',
    path: '/api/v1/insights/vocabulary',
    summary: "The organisation's named themes and the terms merged into each",
    tags,
    access: read,
    responses: { 200: { description: 'Named themes', schema: VocabularyResponse } },
    handler: async ({ ctx }, _req, res) => res.json(await vocabulary(ctx)),
  });

  api.route({
    method: 'post',
    path: '/api/v1/insights/vocabulary',
    summary: 'Name a theme and merge synonyms into it; applies to all history',
    tags,
    access: write,
    body: VocabularyBody,
    responses: { 200: { description: 'Named themes', schema: VocabularyResponse } },
    handler: async ({ body, ctx }, _req, res) => res.json(await defineTheme(ctx, body)),
  });
}
