import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { ANALYTICS_ROOT_KEY } from './query';

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * Subscribes to the server-sent rollup changes and refetches the dashboard's figures when one
 * arrives. EventSource reconnects by itself; the state says whether the view is live right now.
 */
export function useLiveMetrics(): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    const source = new EventSource('/api/v1/metrics/live');
    let pending: ReturnType<typeof setTimeout> | undefined;
    source.onopen = () => setState('live');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    source.addEventListener('rollup', () => {
      // A burst of answers refetches once, not once per answer.
      clearTimeout(pending);
      pending = setTimeout(() => void queryClient.invalidateQueries({ queryKey: ANALYTICS_ROOT_KEY }), 300);
    });
    return () => {
      clearTimeout(pending);
      source.close();
    };
  }, [queryClient]);
  return state;
}
