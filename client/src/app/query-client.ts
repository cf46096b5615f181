import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';

import { sessionQueryKey } from '../lib/session';
import { ApiError, isApiError } from '../lib/api-client';

// A session that expired mid-use answers 401 to whatever asks first; forgetting the session
// sends the guard to the login page, which brings the user back here afterwards.
function forgetExpiredSession(error: unknown) {
  if (isApiError(error, 'unauthenticated')) queryClient.setQueryData(sessionQueryKey, null);
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: forgetExpiredSession }),
  mutationCache: new MutationCache({ onError: forgetExpiredSession }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change on retry; only a network blip or a 5xx might.
      retry: (failures, error) =>
        failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});
