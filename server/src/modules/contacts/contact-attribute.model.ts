import { Schema, model } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/** Each contact attribute keeps the type it was first seen with, so filters and segments stay meaningful. */
const contactAttributeSchema = new Schema(
  {
    ...tenantOwned,
    key: { type: String, required: true },
    type: { type: String, enum: ['string', 'number', 'boolean'], required: true },
  },
  { timestamps: true },
);
contactAttributeSchema.index({ organisationId: 1, key: 1 }, { unique: true });
contactAttributeSchema.plugin(tenantScoped);

export const ContactAttributeModel = model('ContactAttribute', contactAttributeSchema);
