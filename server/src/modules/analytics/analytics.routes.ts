import { pipeline } from 'node:stream/promises';

import { z } from 'zod';

import {
  BreakdownQuery,
  BreakdownResponse,
  ChannelsResponse,
  HeatmapResponse,
  MetricsFilter,
  SegmentsQuery,
  SegmentsResponse,
  SummaryResponse,
  TrendQuery,
  TrendResponse,
  VerbatimsQuery,
  VerbatimsResponse,
} from '@pulse/shared/schemas/analytics';

import type { Ctx } from '../../lib/context';
import type { Access, Api } from '../auth/access';
import type { LiveHub } from './analytics.live';
import { breakdown, channels, heatmap, summary, trend } from './analytics.service';
import { segments, verbatims, verbatimsCsv } from './analytics.verbatims';

/** Teammates who may read responses, and servers holding a key scoped responses:read. */
const READ: Access = { permission: 'responses.read', apiKeyScope: 'responses:read' };
const HEARTBEAT_MS = 25_000;

export function registerAnalyticsRoutes(api: Api, deps: { live: LiveHub }): void {
  /** A figure: a GET whose filters go to one read of the analytics service, answered as JSON. */
  const figureRoute = <Q extends z.ZodType>(
    path: string,
    read: (ctx: Ctx, query: z.output<Q>) => Promise<unknown>,
    doc: { summary: string; query: Q; response: { description: string; schema: z.ZodType } },
  ) =>
    api.route({
      method: 'get',
      path,
      summary: doc.summary,
      tags: ['analytics'],
      access: READ,
      query: doc.query,
      responses: { 200: doc.response },
      handler: async ({ ctx, query }, _req, res) => res.json(await read(ctx, query)),
    });

  figureRoute('/api/v1/metrics', summary, {
    summary: 'Score, n, 95% interval, distribution and bands over a period, compared with the period before',
    query: MetricsFilter,
    response: { description: 'The headline figure', schema: SummaryResponse },
  });

  figureRoute('/api/v1/metrics/trend', trend, {
    summary: 'The figure per local day, ISO week or month in the reporting zone (default: the last 365 days)',
    query: TrendQuery,
    response: { description: 'One point per bucket, empty buckets included', schema: TrendResponse },
  });

  figureRoute('/api/v1/metrics/breakdown', breakdown, {
    summary: 'The figure per touchpoint, channel or survey, each with its change from the previous period',
    query: BreakdownQuery,
    response: { description: 'One group per key', schema: BreakdownResponse },
  });

  figureRoute('/api/v1/metrics/channels', channels, {
    summary: 'Channel consistency: each touchpoint per channel, the best–worst gap tested for significance',
    query: MetricsFilter,
    response: { description: 'One row per touchpoint', schema: ChannelsResponse },
  });

  figureRoute('/api/v1/metrics/heatmap', heatmap, {
    summary: 'Touchpoint × month figures (default: the last 365 days)',
    query: MetricsFilter,
    response: { description: 'One row per touchpoint, one cell per month', schema: HeatmapResponse },
  });

  figureRoute('/api/v1/metrics/verbatims', verbatims, {
    summary:
      'Comments with score, band, touchpoint and day, newest first, by band, touchpoint, channel, period and text',
    query: VerbatimsQuery,
    response: { description: 'One page of verbatims', schema: VerbatimsResponse },
  });

  api.route({
    method: 'get',
    path: '/api/v1/metrics/verbatims/export',
    summary: 'The verbatims of the current filters as CSV, streamed (spreadsheet formulas neutralised)',
    tags: ['analytics'],
    access: READ,
    query: VerbatimsQuery.omit({ cursor: true, limit: true }),
    responses: { 200: { description: 'CSV, newest first', schema: z.string(), contentType: 'text/csv' } },
    handler: async ({ ctx, query }, _req, res) => {
      res.attachment(`pulse-verbatims-${new Date().toISOString().slice(0, 10)}.csv`).type('text/csv; charset=utf-8');
      await pipeline(verbatimsCsv(ctx, query), res);
    },
  });

  figureRoute('/api/v1/metrics/segments', segments, {
    summary: 'The figure per value of a contact attribute, from raw responses (cost grows with the period’s answers)',
    query: SegmentsQuery,
    response: { description: 'One figure per attribute value', schema: SegmentsResponse },
  });

  api.route({
    method: 'get',
    path: '/api/v1/metrics/live',
    summary: 'Server-sent events: `rollup` each time a figure of the organisation changes',
    tags: ['analytics'],
    access: READ,
    responses: { 200: { description: 'An event stream', schema: z.string(), contentType: 'text/event-stream' } },
    handler: async ({ ctx }, req, res) => {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache, no-transform',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      const stop = await deps.live.listen(ctx.organisationId, (message) => {
        res.write(`event: rollup\ndata: ${JSON.stringify(message)}\n\n`);
      });
      res.write(': connected\n\n');
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
      req.on('close', () => {
        clearInterval(heartbeat);
        void stop();
      });
    },
  });
}
