import { Suspense, type ReactNode } from 'react';
import { Outlet } from 'react-router';

import { FullPageLoader } from '../../components/full-page-loader';
import { useSession } from '../../lib/session';

/**
 * For pages anyone may reach (not found): the signed-in shell around them when there is a
 * session, the bare page otherwise. Unlike RequireSession, no session is not a reason to log in.
 */
export function ShellIfSignedIn({ shell }: { shell: ReactNode }) {
  const session = useSession();
  if (session.isPending) return <FullPageLoader label="Loading…" />;
  if (!session.data) return <Outlet />;
  return <Suspense fallback={<FullPageLoader label="Loading your workspace…" />}>{shell}</Suspense>;
}
