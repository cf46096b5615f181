import mongoose from 'mongoose';

import { significantlyOver, weightedLogOdds } from '@pulse/shared/metrics/log-odds';
import type { InsightsQuery, InsightsResponse, VocabularyBody } from '@pulse/shared/schemas/insights';

import type { Ctx } from '../../lib/context';
import { InsightCounterModel, InsightVocabularyModel } from './insights.model';
import { themeKey } from './theme-key';
import { weeksUntil } from './weeks';

const NEGATIVE = ['detractor', 'low'];
const POSITIVE = ['promoter', 'high'];
const RECENT_WEEKS = 4;

interface Vocabulary {
  merges: Record<string, string>;
  names: Record<string, string>;
}

interface Tally {
  label: string;
  mentions: number;
  sentimentSum: number;
}
type Group = Map<string, Tally>;

async function vocabularyOf(ctx: Ctx): Promise<Vocabulary> {
  const doc = await InsightVocabularyModel.findOne({
    _id: ctx.organisationId,
    organisationId: ctx.organisationId,
  }).lean();
  return { merges: (doc?.merges ?? {}) as Record<string, string>, names: (doc?.names ?? {}) as Record<string, string> };
}

/** Aspect counters of the weeks asked, merged into the organisation's themes (at read time, so history follows). */
async function load(ctx: Ctx, weeks: string[]) {
  const vocabulary = await vocabularyOf(ctx);
  const docs = await InsightCounterModel.find({
    organisationId: ctx.organisationId,
    week: mongoose.trusted({ $in: weeks }),
    kind: 'aspect',
  })
    .select({ touchpointId: 1, week: 1, term: 1, label: 1, mentions: 1, bands: 1, sentimentSum: 1 })
    .lean();
  return docs.map((d) => {
    const key = vocabulary.merges[d.term] ?? d.term;
    return { ...d, key, label: vocabulary.names[key] ?? d.label, bands: d.bands as Record<string, number> };
  });
}

function add(group: Group, key: string, label: string, mentions: number, sentimentSum: number) {
  const t = group.get(key) ?? { label, mentions: 0, sentimentSum: 0 };
  t.mentions += mentions;
  t.sentimentSum += sentimentSum;
  group.set(key, t);
}

const countsOf = (g: Group) => new Map([...g].map(([k, t]) => [k, t.mentions]));

function rank(a: Group, b: Group, background: Group, minMentions: number): InsightsResponse['themes'] {
  return significantlyOver(weightedLogOdds(countsOf(a), countsOf(b), countsOf(background)), {
    minCount: minMentions,
  }).map((r) => {
    const t = a.get(r.term)!;
    return {
      key: r.term,
      label: t.label,
      mentions: t.mentions,
      sentiment: t.sentimentSum / t.mentions,
      delta: r.delta,
      z: r.z,
    };
  });
}

const periodOf = (query: InsightsQuery) =>
  weeksUntil(query.until ? new Date(`${query.until}T12:00:00Z`) : new Date(), query.weeks);

/** What one touchpoint's customers talk about more than the others', over the period. */
export async function touchpointThemes(
  ctx: Ctx,
  query: InsightsQuery & { touchpointId: string },
): Promise<InsightsResponse> {
  const weeks = periodOf(query);
  const [a, b, all]: Group[] = [new Map(), new Map(), new Map()];
  for (const d of await load(ctx, weeks)) {
    add(d.touchpointId === query.touchpointId ? a : b, d.key, d.label, d.mentions, d.sentimentSum);
    add(all, d.key, d.label, d.mentions, d.sentimentSum);
  }
  return { weeks, comments: total(a), themes: rank(a, b, all, query.minMentions) };
}

/** Themes detractors mention more than promoters (low against high on CSAT and CES). */
export async function drivers(ctx: Ctx, query: InsightsQuery): Promise<InsightsResponse> {
  const weeks = periodOf(query);
  const [low, high, all]: Group[] = [new Map(), new Map(), new Map()];
  for (const d of await load(ctx, weeks)) {
    if (query.touchpointId && d.touchpointId !== query.touchpointId) continue;
    const mean = d.mentions > 0 ? d.sentimentSum / d.mentions : 0;
    const n = (bands: string[]) => bands.reduce((s, band) => s + (d.bands[band] ?? 0), 0);
    add(low, d.key, d.label, n(NEGATIVE), n(NEGATIVE) * mean);
    add(high, d.key, d.label, n(POSITIVE), n(POSITIVE) * mean);
    add(all, d.key, d.label, d.mentions, d.sentimentSum);
  }
  return { weeks, comments: total(low), themes: rank(low, high, all, query.minMentions) };
}

/** Themes of the last four weeks that were rarer in the weeks before. */
export async function emerging(ctx: Ctx, query: InsightsQuery): Promise<InsightsResponse> {
  const weeks = periodOf(query);
  const recent = new Set(weeks.slice(-RECENT_WEEKS));
  const [now, before, all]: Group[] = [new Map(), new Map(), new Map()];
  for (const d of await load(ctx, weeks)) {
    if (query.touchpointId && d.touchpointId !== query.touchpointId) continue;
    add(recent.has(d.week) ? now : before, d.key, d.label, d.mentions, d.sentimentSum);
    add(all, d.key, d.label, d.mentions, d.sentimentSum);
  }
  return { weeks, comments: total(now), themes: rank(now, before, all, query.minMentions) };
}

const total = (g: Group) => [...g.values()].reduce((s, t) => s + t.mentions, 0);

/**
 * Names a theme and merges its synonyms into it: the first synonym's key is the theme, every
 * synonym's key counts under it from now on and for all history (applied when reading).
 */
export async function defineTheme(ctx: Ctx, body: VocabularyBody) {
  const keys = [...new Set(body.synonyms.map((s) => themeKey(body.language, s)).filter(Boolean))];
  const [theme] = keys;
  const set: Record<string, string> = { [`names.${theme}`]: body.label };
  for (const key of keys) set[`merges.${key}`] = theme!;
  await InsightVocabularyModel.updateOne(
    { _id: ctx.organisationId, organisationId: ctx.organisationId },
    { $set: set },
    { upsert: true },
  );
  return vocabulary(ctx);
}

export async function vocabulary(ctx: Ctx) {
  const { merges, names } = await vocabularyOf(ctx);
  const members = new Map<string, string[]>();
  for (const [member, theme] of Object.entries(merges)) members.set(theme, [...(members.get(theme) ?? []), member]);
  return {
    themes: Object.entries(names).map(([key, label]) => ({ key, label, members: (members.get(key) ?? []).sort() })),
  };
}
