import { useUrlFilters } from '../../../lib/url-filters';

/** The page's selection lives in the URL, so a view of themes can be shared and reloaded. */
export interface InsightFilters {
  touchpointId?: string;
  weeks: number;
  /** The theme whose comments are open. */
  theme?: string;
}

export const PERIODS = [4, 12, 26, 52] as const;

function read(params: URLSearchParams): InsightFilters {
  const weeks = Number(params.get('weeks'));
  return {
    touchpointId: params.get('touchpointId') || undefined,
    weeks: (PERIODS as readonly number[]).includes(weeks) ? weeks : 12,
    theme: params.get('theme') || undefined,
  };
}

export const useInsightFilters = () => useUrlFilters(read);
