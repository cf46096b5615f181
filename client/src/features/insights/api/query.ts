/** Every insights query key starts here, so naming a theme refetches exactly this page. */
export const insightsKey = (what: string, params: object = {}) => ['insights', what, params] as const;

export const INSIGHTS_ROOT_KEY = ['insights'] as const;

/** Drops unset parameters so they do not travel as "undefined" in the query string. */
export const queryOf = (params: object): Record<string, string> =>
  Object.fromEntries(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  );
