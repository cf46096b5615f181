import type { UpdateOrganisationBody } from '@pulse/shared/schemas/organisation';

import type { Ctx } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { OrganisationModel } from './organisation.model';

export async function getOrganisation(ctx: Pick<Ctx, 'organisationId'>) {
  const org = await OrganisationModel.findById(ctx.organisationId).lean();
  if (!org) throw notFound('Organisation');
  return org;
}

export async function updateOrganisation(ctx: Ctx, body: UpdateOrganisationBody) {
  const org = await OrganisationModel.findByIdAndUpdate(
    ctx.organisationId,
    { $set: body },
    { returnDocument: 'after' },
  ).lean();
  if (!org) throw notFound('Organisation');
  await audit(ctx, 'organisation.updated', org.name, { fields: Object.keys(body).join(' ') });
  return org;
}
