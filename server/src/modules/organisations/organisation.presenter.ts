import type { Organisation as OrganisationDto } from '@pulse/shared/schemas/organisation';
import type { Types } from 'mongoose';

import type { Organisation } from './organisation.model';

export const presentOrganisation = (
  o: Organisation & { _id: Types.ObjectId; createdAt: Date; updatedAt: Date },
): OrganisationDto => ({
  id: String(o._id),
  name: o.name,
  timeZone: o.timeZone,
  defaultLanguage: o.defaultLanguage,
  senderName: o.senderName,
  senderEmail: o.senderEmail ?? null,
  widgetOrigins: [...(o.widgetOrigins ?? [])],
  createdAt: o.createdAt.toISOString(),
  updatedAt: o.updatedAt.toISOString(),
});
