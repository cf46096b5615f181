import { figureOf } from '@pulse/shared/metrics/figures';
import { mergeCounts, type ScoreCounts } from '@pulse/shared/metrics/histogram';
import { addDaysToKey, localDay } from '@pulse/shared/metrics/time-buckets';
import type { Figure } from '@pulse/shared/schemas/analytics';
import type { SharedFigure, SharedResultsResponse } from '@pulse/shared/schemas/shared-results';

import type { Ctx } from '../../lib/context';
import { breakdown } from '../analytics/analytics.service';
import { verbatims } from '../analytics/analytics.verbatims';
import { reportingZone } from '../analytics/rollups.service';
import { getOrganisation } from '../organisations/organisation.service';
import { listTouchpoints } from '../touchpoints/touchpoints.service';
import type { SharedLinkDoc } from './shared-link.model';

const COMMENTS = 20;

const countsOf = (figure: Figure): ScoreCounts =>
  Object.fromEntries(figure.distribution.map((d) => [String(d.score), d.count]));

/**
 * A group below the link's minimum shows nothing — no score, no n — so a small team's answers
 * cannot be read off the page; "suppressed" is not "zero".
 */
const shown = (figure: Figure, min: number): SharedFigure =>
  figure.n < min
    ? { suppressed: true }
    : { suppressed: false, n: figure.n, score: figure.score, interval: figure.interval };

/** The aggregates a shared link shows, read from the rollups like the dashboard (no raw responses). */
export async function sharedResults(ctx: Ctx, link: SharedLinkDoc): Promise<SharedResultsResponse> {
  const { selection: s, minGroupSize } = link;
  const timeZone = await reportingZone(ctx);
  const to = s.to ?? localDay(new Date(), timeZone);
  const from = s.from ?? addDaysToKey(to, -((s.lastDays ?? 30) - 1));
  const report = await breakdown(ctx, { kind: s.kind, from, to, by: 'touchpoint' });
  const names = new Map((await listTouchpoints(ctx)).map((t) => [String(t._id), t.name]));
  const chosen = new Set(s.touchpointIds);
  const groups = report.groups.filter((g) => (chosen.size ? chosen.has(g.key) : true));
  const visible = groups.filter((g) => g.figure.n >= minGroupSize).map((g) => g.key);
  // Over the shown groups only: an overall that still counted a hidden group would give it away
  // by difference (overall n − the shown groups' n).
  const merged = mergeCounts(...groups.filter((g) => visible.includes(g.key)).map((g) => countsOf(g.figure)));
  const { kind: _k, scale: _s, ...overall } = figureOf(s.kind, report.scale, merged);

  let comments: SharedResultsResponse['comments'] = null;
  if (link.showComments) {
    const pages = await Promise.all(
      visible.map((touchpointId) => verbatims(ctx, { kind: s.kind, from, to, touchpointId, limit: COMMENTS })),
    );
    comments = pages
      .flatMap((p) => p.verbatims)
      .sort((a, b) => b.answeredAt.localeCompare(a.answeredAt))
      .slice(0, COMMENTS)
      .map((v) => ({ day: v.day, score: v.score, comment: v.comment }));
  }
  return {
    name: link.name,
    organisationName: (await getOrganisation(ctx)).name,
    kind: s.kind,
    period: { from, to },
    timeZone,
    minGroupSize,
    overall: shown(overall, minGroupSize),
    touchpoints: groups.map((g) => ({
      name: g.key === '-' ? 'No touchpoint' : (names.get(g.key) ?? 'Touchpoint'),
      figure: shown(g.figure, minGroupSize),
    })),
    comments,
  };
}
