import { Schema, model, type InferSchemaType } from 'mongoose';

import { MetricKind } from '@pulse/shared/metrics/scales';
import { SurveyStatus } from '@pulse/shared/schemas/surveys';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * A survey and its working draft. The draft is kept as JSON text: it is read and written whole,
 * never queried inside, and translation keys contain dots that MongoDB field names should not.
 * `revision` counts draft saves (optimistic concurrency); published versions live in SurveyVersion.
 */
const surveySchema = new Schema(
  {
    ...tenantOwned,
    key: { type: String, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: MetricKind.options, required: true },
    status: { type: String, enum: SurveyStatus.options, required: true, default: 'draft' },
    templateId: { type: String, default: null },
    draft: { type: String, required: true },
    revision: { type: Number, required: true, default: 0 },
    currentVersion: { type: Number, default: null },
    /** The draft revision the current version froze; equal to `revision` when nothing is unpublished. */
    publishedRevision: { type: Number, default: null },
    languages: { type: [String], required: true },
    createdBy: { type: String, required: true },
  },
  { timestamps: true },
);
surveySchema.plugin(tenantScoped);

export type SurveyDoc = InferSchemaType<typeof surveySchema> & { _id: import('mongoose').Types.ObjectId };
export const SurveyModel = model('Survey', surveySchema);
