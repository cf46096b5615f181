import mongoose, { Types } from 'mongoose';

import type { ThemeCommentsQuery, ThemeCommentsResponse } from '@pulse/shared/schemas/insights';

import type { Ctx } from '../../lib/context';
import { findResponse } from '../responses/responses.service';
import { isInsightLanguage } from './language';
import { InsightContributionModel, InsightVocabularyModel } from './insights.model';
import { themeKey } from './theme-key';
import { weeksUntil } from './weeks';

const WORD_RE = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

interface Found {
  _id: Types.ObjectId;
  touchpointId: string | null;
  language: string;
  week: string;
  band: string;
}

/** The term keys counted under `theme`: itself and whatever the organisation merged into it. */
async function membersOf(ctx: Ctx, theme: string): Promise<string[]> {
  const doc = await InsightVocabularyModel.findOne({ _id: ctx.organisationId, organisationId: ctx.organisationId })
    .select({ merges: 1 })
    .lean();
  const merges = (doc?.merges ?? {}) as Record<string, string>;
  const members = Object.entries(merges)
    .filter(([, into]) => into === theme)
    .map(([member]) => member);
  return [...new Set([theme, ...members])];
}

/**
 * Where the theme's words stand in the comment: each word keyed the way the extractor keys it
 * (lemma or stem), highlighted when that key is one of the theme's words.
 */
function highlightsOf(text: string, language: string, words: ReadonlySet<string>, cache: Map<string, string>) {
  if (!isInsightLanguage(language)) return [];
  const spans: [number, number][] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const id = `${language}:${m[0]}`;
    let key = cache.get(id);
    if (key === undefined) cache.set(id, (key = themeKey(language, m[0])));
    if (key && words.has(key)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

/**
 * The comments behind one theme, newest week first, with its words marked: what a manager reads
 * after clicking a theme. Keys come from the per-comment contributions; the text is read through
 * the responses module at this moment, so an edited or deleted comment shows as it is now.
 */
export async function themeComments(ctx: Ctx, query: ThemeCommentsQuery): Promise<ThemeCommentsResponse> {
  const weeks = weeksUntil(query.until ? new Date(`${query.until}T12:00:00Z`) : new Date(), query.weeks);
  const members = await membersOf(ctx, query.theme);
  const found = await InsightContributionModel.find({
    organisationId: ctx.organisationId,
    week: mongoose.trusted({ $in: weeks }),
    'terms.key': mongoose.trusted({ $in: members }),
    ...(query.touchpointId && { touchpointId: query.touchpointId }),
  })
    .select({ touchpointId: 1, language: 1, week: 1, band: 1 })
    .sort({ week: -1, updatedAt: -1 })
    .limit(query.limit)
    .lean<Found[]>();

  const words = new Set(members.flatMap((m) => m.split(' ')));
  const cache = new Map<string, string>();
  const comments: ThemeCommentsResponse['comments'] = [];
  for (const c of found) {
    const response = await findResponse(ctx, c._id);
    const text = response?.comment?.trim();
    if (!text) continue;
    comments.push({
      responseId: String(c._id),
      touchpointId: c.touchpointId,
      band: c.band,
      week: c.week,
      text,
      highlights: highlightsOf(text, c.language, words, cache),
    });
  }
  return { theme: query.theme, comments };
}
