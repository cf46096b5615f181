import type { UpdateOrganisationBody } from '@pulse/shared/schemas/organisation';

import { notFound } from '../../lib/errors';
import { recordAudit } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { OrganisationModel } from './organisation.model';

export async function getOrganisation(organisationId: string) {
  const org = await OrganisationModel.findById(organisationId).lean();
  if (!org) throw notFound('Organisation');
  return org;
}

export async function updateOrganisation(actor: Principal, body: UpdateOrganisationBody, ip?: string) {
  const org = await OrganisationModel.findByIdAndUpdate(
    actor.organisationId,
    { $set: body },
    { returnDocument: 'after' },
  ).lean();
  if (!org) throw notFound('Organisation');
  await recordAudit({
    organisationId: actor.organisationId,
    action: 'organisation.updated',
    actor,
    target: org.name,
    details: { fields: Object.keys(body).join(' ') },
    ip,
  });
  return org;
}
