import { Schema, model, type InferSchemaType } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * A published version: immutable once its survey names it current. The _id is
 * `<surveyId>.v<version>`, so reading a version is an _id read and two publishers can never both
 * create the same version number.
 */
const surveyVersionSchema = new Schema(
  {
    _id: { type: String, required: true },
    ...tenantOwned,
    surveyId: { type: Schema.Types.ObjectId, ref: 'Survey', required: true },
    version: { type: Number, required: true },
    /** The draft revision frozen here: a retried publish of the same revision is idempotent. */
    revision: { type: Number, required: true },
    name: { type: String, required: true },
    definition: { type: String, required: true },
    publishedAt: { type: Date, required: true },
    publishedBy: { type: String, required: true },
  },
  { versionKey: false },
);
surveyVersionSchema.plugin(tenantScoped);

export type SurveyVersionDoc = InferSchemaType<typeof surveyVersionSchema>;
export const SurveyVersionModel = model('SurveyVersion', surveyVersionSchema);
export const versionIdOf = (surveyId: string, version: number) => `${surveyId}.v${version}`;
