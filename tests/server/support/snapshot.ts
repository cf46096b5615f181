import { OrganisationModel } from '../../../server/src/modules/organisations/organisation.model';
import { tenantOwnedModels } from './tenant-models';

/**
 * Moved by the worker on its own schedule after the request that caused them (an event settles,
 * a mail is sent), so two reads a moment apart may differ although no call changed anything.
 */
const MOVED_BY_THE_WORKER = new Set(['DomainEvent', 'Email']);

/**
 * Everything an organisation owns, read straight from the database, to compare before and after
 * calls that must change nothing: every tenant-owned model registered, so a new one is covered.
 */
export async function snapshotOrganisation(organisationId: string) {
  const owned = await Promise.all(
    tenantOwnedModels()
      .filter(([name]) => !MOVED_BY_THE_WORKER.has(name))
      .map(async ([name, model]) => [name, await model.find({ organisationId }).sort({ _id: 1 }).lean()]),
  );
  return { organisation: await OrganisationModel.findById(organisationId).lean(), ...Object.fromEntries(owned) };
}
