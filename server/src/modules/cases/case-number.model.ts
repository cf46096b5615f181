import { Schema, model } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * A case number taken. Its _id is derived from (organisation, number), so two cases opened at
 * once cannot both take one: FerretDB's $inc and conditional updates are not atomic under
 * concurrent writers, a unique _id insert is.
 */
const caseNumberSchema = new Schema(
  {
    ...tenantOwned,
    number: { type: Number, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true },
  },
  { timestamps: true },
);
caseNumberSchema.plugin(tenantScoped);

export const CaseNumberModel = model('CaseNumber', caseNumberSchema);
