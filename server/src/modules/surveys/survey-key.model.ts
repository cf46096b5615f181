import { Schema, model } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * A web link's key (`/s/<key>`) → its survey. Keyed by _id so the public lookup is the one cheap
 * read, and unique by construction.
 */
const surveyKeySchema = new Schema(
  {
    _id: { type: String, required: true },
    ...tenantOwned,
    surveyId: { type: Schema.Types.ObjectId, ref: 'Survey', required: true },
  },
  { versionKey: false },
);
surveyKeySchema.plugin(tenantScoped);

export const SurveyKeyModel = model('SurveyKey', surveyKeySchema);
