import { Center, Container } from '@mantine/core';
import { Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';

import { ErrorState } from '../../components/error-state';
import { FullPageLoader } from '../../components/full-page-loader';
import { useSession } from '../../lib/session';
import { loginPathFor } from '../../lib/next-path';

/**
 * The gate in front of the signed-in shell, driven by the `['session']` query alone: a 401 from
 * any call empties that query (see query-client.ts), and this sends the user to log in and back.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();

  // The same words while the shell's code loads, so the two waits read as one.
  const loader = <FullPageLoader label="Loading your workspace…" />;
  if (session.data) {
    return (
      <Suspense fallback={loader}>
        <Outlet />
      </Suspense>
    );
  }
  if (session.isPending) return loader;
  if (session.isError) {
    return (
      <Center mih="100dvh" p="md">
        <Container size={480} w="100%">
          <ErrorState error={session.error} title="Pulse is not answering" onRetry={() => session.refetch()} />
        </Container>
      </Center>
    );
  }
  return <Navigate to={loginPathFor(location.pathname + location.search + location.hash)} replace />;
}
