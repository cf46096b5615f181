import { z } from 'zod';

import { Id } from '@pulse/shared/schemas/common';
import {
  EmailPreviewQuery,
  EmailPreviewResponse,
  InvitationsQuery,
  InvitationsResponse,
} from '@pulse/shared/schemas/invitations';

import type { Api } from '../auth/access';
import { loadSurvey } from '../surveys/surveys.service';
import { parseStored } from '../surveys/surveys.presenter';
import { renderSurveyEmailPreview } from './email-preview';
import { presentInvitation } from './invitations.presenter';
import { listInvitations } from './invitations.service';

export function registerInvitationRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/invitations',
    summary: 'Every distribution decision, newest first: sends with their state, skips with their reason',
    tags: ['invitations'],
    // Recipient addresses are personal data.
    access: { permission: 'contacts.read' },
    query: InvitationsQuery,
    responses: { 200: { description: 'A page of invitations', schema: InvitationsResponse } },
    handler: async ({ query, ctx }, _req, res) => {
      const page = await listInvitations(ctx, query);
      res.json({ invitations: page.invitations.map(presentInvitation), nextCursor: page.nextCursor });
    },
  });

  api.route({
    method: 'get',
    path: '/api/v1/surveys/:surveyId/email-preview',
    summary: 'The survey email of the working draft, as a recipient would get it',
    tags: ['invitations'],
    access: { permission: 'surveys.read' },
    params: z.strictObject({ surveyId: Id }),
    query: EmailPreviewQuery,
    responses: { 200: { description: 'Subject, HTML and text parts', schema: EmailPreviewResponse } },
    handler: async ({ params, query, ctx }, _req, res) => {
      const survey = await loadSurvey(ctx, params.surveyId);
      res.json(
        await renderSurveyEmailPreview(ctx, {
          definition: parseStored(survey.draft),
          surveyId: params.surveyId,
          language: query.language,
        }),
      );
    },
  });
}
