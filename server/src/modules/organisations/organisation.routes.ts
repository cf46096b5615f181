import { Organisation, UpdateOrganisationBody } from '@pulse/shared/schemas/organisation';

import type { Api } from '../auth/access';
import { presentOrganisation } from './organisation.presenter';
import { getOrganisation, updateOrganisation } from './organisation.service';

export function registerOrganisationRoutes(api: Api): void {
  api.route({
    method: 'get',
    path: '/api/v1/organisation',
    summary: "The caller's organisation and its settings",
    tags: ['organisation'],
    access: { permission: 'org.read' },
    responses: { 200: { description: 'The organisation', schema: Organisation } },
    handler: async ({ ctx }, _req, res) => {
      res.json(presentOrganisation(await getOrganisation(ctx)));
    },
  });

  api.route({
    method: 'patch',
    path: '/api/v1/organisation',
    summary: 'Change name, reporting time zone, default language or survey sender',
    tags: ['organisation'],
    access: { permission: 'org.manage' },
    body: UpdateOrganisationBody,
    responses: { 200: { description: 'The updated organisation', schema: Organisation } },
    handler: async ({ body, ctx }, _req, res) => {
      res.json(presentOrganisation(await updateOrganisation(ctx, body)));
    },
  });
}
