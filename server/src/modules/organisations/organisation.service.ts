import mongoose from 'mongoose';

import type { UpdateOrganisationBody } from '@pulse/shared/schemas/organisation';

import type { Ctx } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { audit } from '../audit/audit.service';
import { OrganisationModel } from './organisation.model';

export async function createOrganisation(input: { name: string; senderName: string; timeZone?: string }) {
  return (await OrganisationModel.create(input)).toObject();
}

/** For callers that decide what a missing organisation means (a stale session is signed out). */
export const findOrganisation = (organisationId: string | mongoose.Types.ObjectId) =>
  OrganisationModel.findById(organisationId).lean();

export const findOrganisations = (organisationIds: Array<string | mongoose.Types.ObjectId>) =>
  OrganisationModel.find({ _id: mongoose.trusted({ $in: organisationIds }) }).lean();

/** Every organisation's id: for the few system jobs that serve them all (trend alerts). */
export const allOrganisationIds = async (): Promise<string[]> =>
  (await OrganisationModel.find({}).select({ _id: 1 }).lean()).map((o) => String(o._id));

export async function getOrganisation(ctx: Pick<Ctx, 'organisationId'>) {
  const org = await OrganisationModel.findById(ctx.organisationId).lean();
  if (!org) throw notFound('Organisation');
  return org;
}

/**
 * Writes and audits only what differs from what is stored: the settings form sends every field,
 * and an audit entry that names unchanged fields as changed misleads whoever reads it later.
 * Saving with nothing changed still counts as saved (updatedAt moves), without an audit entry.
 */
export async function updateOrganisation(ctx: Ctx, body: UpdateOrganisationBody) {
  const current = await getOrganisation(ctx);
  // Lists (the widget's sites) compare by content; JSON of a string or null is itself.
  const changed = (Object.keys(body) as (keyof UpdateOrganisationBody)[]).filter(
    (field) => JSON.stringify(body[field]) !== JSON.stringify(current[field] ?? null),
  );
  const org = await OrganisationModel.findByIdAndUpdate(
    ctx.organisationId,
    // mongoose's timestamps move updatedAt even when $set is empty.
    { $set: Object.fromEntries(changed.map((field) => [field, body[field]])) },
    { returnDocument: 'after' },
  ).lean();
  if (!org) throw notFound('Organisation');
  if (changed.length > 0) await audit(ctx, 'organisation.updated', org.name, { fields: changed.join(' ') });
  return org;
}
