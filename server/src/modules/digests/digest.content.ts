import { MetricKind, bandsOf } from '@pulse/shared/metrics/scales';
import { localDay } from '@pulse/shared/metrics/time-buckets';
import type { Change } from '@pulse/shared/schemas/analytics';
import type { Share } from '@pulse/shared/schemas/closed-loop';

import type { Ctx } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { settings } from '../../lib/settings';
import { breakdown } from '../analytics/analytics.service';
import { reportingZone } from '../analytics/rollups.service';
import { listCases } from '../cases/cases.service';
import { shareOf } from '../closed-loop/closed-loop.figures';
import { closedLoopReport } from '../closed-loop/closed-loop.service';
import { emerging } from '../insights/insights.read';
import { listInvitations } from '../invitations/invitations.service';
import { getOrganisation } from '../organisations/organisation.service';
import { listComments, streamResponses } from '../responses/responses.read';
import { listTouchpoints } from '../touchpoints/touchpoints.service';

/** What one digest says, before it is written as a mail (and what the tests read back). */
export interface DigestContent {
  organisation: string;
  coverage: { from: Date; to: Date };
  /** The reporting zone's local days the scores cover: the dashboard's own definition of a day. */
  days: { from: string; to: string };
  scores: Array<{ touchpoint: string; kind: MetricKind; score: number | null; n: number; change: Change }>;
  volume: { responses: number; invited: number; responseRate: number | null };
  newDetractors: number;
  cases: { open: number; overdue: number; withinSla: Share };
  comments: Array<{ score: number; touchpoint: string; text: string; url: string }>;
  themes: Array<{ label: string; mentions: number }>;
  /** No answer arrived since the last digest: the scheduled one is skipped. */
  nothingNew: boolean;
}

const COMMENTS = 5;
const THEMES = 5;
// Invitations of one period read to count the response rate; past it the rate is of the first ones.
const INVITATIONS_READ = 5_000;

/**
 * Reads everything a digest shows for one period through the owners' services: scores and their
 * significance from the analytics rollups (`breakdown`, the dashboard's own test), case figures
 * from the cases service and the closed-loop report, themes from insights. The answers of the
 * period itself are read once, as a stream, for what rollups cannot say (exact instants).
 */
export async function buildDigest(
  ctx: Ctx,
  input: { coverage: { from: Date; to: Date }; touchpointIds: string[] },
): Promise<DigestContent> {
  const { from, to } = input.coverage;
  const wanted = (id: string | null | undefined) =>
    input.touchpointIds.length === 0 || (!!id && input.touchpointIds.includes(String(id)));
  const [org, zone, touchpoints] = await Promise.all([getOrganisation(ctx), reportingZone(ctx), listTouchpoints(ctx)]);
  const names = new Map(touchpoints.map((t) => [String(t._id), t.name]));
  const nameOf = (id: unknown) => (id ? (names.get(String(id)) ?? 'Other touchpoint') : 'No touchpoint');
  const days = { from: localDay(from, zone), to: localDay(new Date(to.getTime() - 1), zone) };

  const scores: DigestContent['scores'] = [];
  let withinSla = { count: 0, n: 0 };
  for (const kind of MetricKind.options) {
    const report = await breakdown(ctx, { kind, ...days, by: 'touchpoint' }).catch(unlessIncomparable);
    for (const g of report?.groups ?? []) {
      if (g.key === '-' || !wanted(g.key) || g.figure.n === 0) continue;
      scores.push({ touchpoint: nameOf(g.key), kind, score: g.figure.score, n: g.figure.n, change: g.change });
    }
    if (!report?.groups.length) continue;
    const loop = await closedLoopReport(ctx, { kind, ...days });
    const figures = input.touchpointIds.length
      ? loop.touchpoints.filter((t) => wanted(t.touchpointId))
      : [loop.overall];
    for (const f of figures) withinSla = { count: withinSla.count + f.withinSla.count, n: withinSla.n + f.withinSla.n };
  }

  let responses = 0;
  let newDetractors = 0;
  for await (const r of streamResponses(ctx, { from, to })) {
    if (r.state !== 'confirmed' || !wanted(r.touchpointId ? String(r.touchpointId) : null)) continue;
    responses++;
    if (r.band === bandsOf(r.kind)[0]) newDetractors++;
  }

  const { invitations } = await listInvitations(ctx, {
    from: from.toISOString(),
    to: to.toISOString(),
    limit: INVITATIONS_READ,
  });
  const sent = invitations.filter((i) => i.sentAt && wanted(i.touchpointId ? String(i.touchpointId) : null));
  const answered = sent.filter((i) => i.respondedAt).length;

  const [open, overdue] = await Promise.all([listCases(ctx, 'open'), listCases(ctx, 'overdue')]);
  const caseWanted = (c: { snapshot?: { touchpointId?: unknown } | null }) =>
    wanted(c.snapshot?.touchpointId ? String(c.snapshot.touchpointId) : null);

  const { responses: commented } = await listComments(ctx, { from, to, limit: 50 });
  const comments = commented
    .filter((r) => wanted(r.touchpointId ? String(r.touchpointId) : null))
    // The lowest scores first: they are what a manager acts on.
    .sort((a, b) => a.score - b.score)
    .slice(0, COMMENTS)
    .map((r) => ({
      score: r.score,
      touchpoint: nameOf(r.touchpointId),
      text: (r.comment ?? '').slice(0, 280),
      url: appUrl('/analytics', {
        kind: r.kind,
        from: localDay(r.answeredAt, zone),
        to: localDay(r.answeredAt, zone),
        ...(r.touchpointId && { touchpointId: String(r.touchpointId) }),
      }),
    }));

  const trending = await emerging(ctx, {
    weeks: 12,
    minMentions: 5,
    until: days.to,
    ...(input.touchpointIds.length === 1 && { touchpointId: input.touchpointIds[0] }),
  });

  return {
    organisation: org.name,
    coverage: input.coverage,
    days,
    scores,
    volume: { responses, invited: sent.length, responseRate: sent.length ? answered / sent.length : null },
    newDetractors,
    cases: {
      open: open.filter(caseWanted).length,
      overdue: overdue.filter(caseWanted).length,
      withinSla: shareOf(withinSla.count, withinSla.n),
    },
    comments,
    themes: trending.themes.slice(0, THEMES).map((t) => ({ label: t.label, mentions: t.mentions })),
    nothingNew: responses === 0,
  };
}

export const appUrl = (path: string, query: Record<string, string> = {}) => {
  const url = new URL(path, settings().publicUrl);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
};

/** Surveys of one metric on different scales cannot be added up: that metric has no score to show. */
function unlessIncomparable(err: unknown): null {
  if (err instanceof AppError && err.code === 'validation_failed') return null;
  throw err;
}
