import type { SessionFeatures } from '@pulse/shared/schemas/auth';
import type { ReactNode } from 'react';

import { useCurrentSession } from '../../lib/session';
import { NotFoundRoute } from './not-found-route';

/** On a server that does not run a part of Pulse, its page does not exist, even by typed URL. */
export function RequireFeature({ feature, children }: { feature: keyof SessionFeatures; children: ReactNode }) {
  if (useCurrentSession().features[feature]) return children;
  return <NotFoundRoute />;
}
