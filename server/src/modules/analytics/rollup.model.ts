import { Schema, model } from 'mongoose';

import { MetricKind } from '@pulse/shared/metrics/scales';

import { tenantOwned, tenantScoped } from '../../lib/tenant';

/**
 * One month of one series (organisation × survey × touchpoint × channel), under a deterministic
 * `_id` (see rollupId), so a dashboard reads a known, small set of documents by `_id`:
 * 12 months × the series in view, whatever the number of responses.
 *
 * - `days["05"]["9"]` is how many confirmed answers scored 9 on the 5th (local day in the
 *   organisation's reporting zone). A count that falls to zero is removed.
 * - `v` is the version of the ledger (below) this copy was taken from: the write path copies a
 *   month only forwards, and a rebuild replaces it only if nothing changed meanwhile.
 *
 * What each answer contributes is not here but in the month's ledger, so the bytes a dashboard
 * reads stay the same whatever the number of answers.
 */
const rollupSchema = new Schema(
  {
    _id: { type: String, required: true },
    ...tenantOwned,
    series: { type: String, required: true },
    month: { type: String, required: true },
    days: { type: Schema.Types.Mixed, default: {} },
    v: { type: Number, required: true, default: 0 },
  },
  { minimize: false, versionKey: false },
);
rollupSchema.plugin(tenantScoped);

export const RollupModel = model('AnalyticsRollup', rollupSchema, 'analytics_rollups');

/**
 * The write side of a month, under the same `_id` as its rollup: `applied[responseId]` is
 * `[revision, score | null]`, what that response currently contributes, and `days` the counts
 * those contributions make. One write of this document decides whether a revision counted (see
 * rollups.service); the rollup is a copy of its `days`. About 40 bytes per answer, read only by
 * the write path and the rebuild.
 */
const ledgerSchema = new Schema(
  {
    _id: { type: String, required: true },
    ...tenantOwned,
    applied: { type: Schema.Types.Mixed, default: {} },
    days: { type: Schema.Types.Mixed, default: {} },
    v: { type: Number, required: true, default: 0 },
  },
  { minimize: false, versionKey: false },
);
ledgerSchema.plugin(tenantScoped);

export const LedgerModel = model('AnalyticsLedger', ledgerSchema, 'analytics_rollup_ledgers');

/**
 * The series an organisation has, read with one `_id` lookup before the rollups themselves, so a
 * dashboard never has to search for which documents exist. Written before a series' first rollup
 * document, so a rollup is never invisible.
 */
const seriesSchema = new Schema(
  {
    _id: { type: String, required: true },
    ...tenantOwned,
    series: {
      type: Map,
      of: new Schema(
        {
          surveyId: { type: String, required: true },
          touchpointId: { type: String, default: null },
          channel: { type: String, required: true },
          kind: { type: String, enum: MetricKind.options, required: true },
          min: { type: Number, required: true },
          max: { type: Number, required: true },
          firstMonth: { type: String, required: true },
        },
        { _id: false },
      ),
      default: {},
    },
  },
  { versionKey: false },
);
seriesSchema.plugin(tenantScoped);

export const SeriesModel = model('AnalyticsSeries', seriesSchema, 'analytics_series');
