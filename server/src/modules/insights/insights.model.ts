import { Schema, model, type InferSchemaType } from 'mongoose';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * One term in one week: organisation × touchpoint × language × ISO week × term, under a
 * deterministic `_id` (counterId), so a comment's terms become one bulk of `_id` upserts.
 * `bands.detractor` counts the comments mentioning the term with that band; `sentimentSum` adds
 * their sentiment scores (−1…1), so the mean is sentimentSum / mentions.
 */
const counterSchema = new Schema(
  {
    _id: { type: String, required: true },
    ...tenantOwned,
    touchpointId: { type: String, default: null },
    language: { type: String, required: true },
    week: { type: String, required: true },
    term: { type: String, required: true },
    label: { type: String, required: true },
    kind: { type: String, enum: ['aspect', 'opinion'], required: true },
    mentions: { type: Number, required: true, default: 0 },
    bands: { type: Schema.Types.Mixed, default: {} },
    sentimentSum: { type: Number, required: true, default: 0 },
    /** Which rebuild last wrote it (one that found it unchanged leaves it as it was). */
    rebuild: { type: String, default: null },
  },
  { minimize: false, versionKey: false },
);
counterSchema.index({ organisationId: 1, week: 1 });
counterSchema.plugin(tenantScoped);

export const InsightCounterModel = model('InsightCounter', counterSchema, 'insight_counters');
export type InsightCounterDoc = InferSchemaType<typeof counterSchema> & { _id: string };

/**
 * What one response's comment currently contributes to the counters, by the response's id. A
 * changed comment or score is applied as the difference against it, and the rebuild recomputes
 * every counter from these documents. No comment text is kept here: only keys and labels.
 */
const contributionSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    ...tenantOwned,
    touchpointId: { type: String, default: null },
    language: { type: String, required: true },
    week: { type: String, required: true },
    band: { type: String, required: true },
    sentiment: { type: Number, required: true },
    terms: { type: [{ key: String, label: String, kind: String, _id: false }], default: [] },
  },
  { versionKey: false, timestamps: true },
);
contributionSchema.plugin(tenantScoped);

export const InsightContributionModel = model('InsightContribution', contributionSchema, 'insight_contributions');

/**
 * An organisation's own theme vocabulary, one document by organisation id: `merges[member]` is
 * the theme a term is counted under, `names[theme]` the name shown. Applied when counters are
 * read, so a merge or a new name covers all of history at once.
 */
const vocabularySchema = new Schema(
  {
    _id: { type: String, required: true },
    ...tenantOwned,
    merges: { type: Schema.Types.Mixed, default: {} },
    names: { type: Schema.Types.Mixed, default: {} },
  },
  { minimize: false, versionKey: false },
);
vocabularySchema.plugin(tenantScoped);

export const InsightVocabularyModel = model('InsightVocabulary', vocabularySchema, 'insight_vocabularies');
