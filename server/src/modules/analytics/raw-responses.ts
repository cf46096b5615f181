import type { Ctx } from '../../lib/context';
import type { Observation } from './rollup-keys';

/**
 * The one read of raw responses analytics needs: every response of the organisation as of its
 * latest revision, in the rollups' own terms. Rebuilds (time-zone change, backfill, repair) and the
 * query-time benchmark consume it; the responses module provides it (see the README's analytics
 * section for the wiring).
 */
export interface RawResponseSource {
  observations(ctx: Ctx, range?: { from?: Date; to?: Date }): AsyncIterable<Observation>;
}

/** An in-memory source: tests, the benchmark and the seed generator hand their observations to it. */
export function arraySource(observations: readonly Observation[]): RawResponseSource {
  return {
    async *observations(_ctx, range) {
      for (const o of observations)
        if ((!range?.from || o.answeredAt >= range.from) && (!range?.to || o.answeredAt < range.to)) yield o;
    },
  };
}
