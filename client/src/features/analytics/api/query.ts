import type { MetricsFilter } from '@pulse/shared/schemas/analytics';

/** Every analytics query key starts here, so one live update refetches exactly the dashboard. */
export const analyticsKey = (what: string, filter: MetricsFilter, extra: object = {}) =>
  ['analytics', what, { ...filter, ...extra }] as const;

export const ANALYTICS_ROOT_KEY = ['analytics'] as const;

/** Drops undefined filters so they do not travel as "undefined" in the query string. */
export const queryOf = (filter: object): Record<string, string> =>
  Object.fromEntries(
    Object.entries(filter)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
