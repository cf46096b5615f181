import { Navigate, Outlet, useSearchParams } from 'react-router';

import { PageLoader } from '../../components/page-loader';
import { useSession } from '../../lib/session';
import { safeNextPath } from '../../lib/next-path';

/**
 * Login and signup are pointless once signed in. This is also how those forms finish: their
 * mutation stores the new session, and this sends the user on to `next`.
 */
export function RedirectIfSignedIn() {
  const session = useSession();
  const [searchParams] = useSearchParams();

  if (session.data) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  // Inside the auth card, like the loader shown while the page's code arrives.
  if (session.isPending) return <PageLoader />;
  return <Outlet />;
}
