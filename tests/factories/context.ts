import { randomUUID } from 'node:crypto';

import pino from 'pino';

import type { PublicCtx } from '../../server/src/lib/context';

/** What a public request would hand a service: no organisation, no actor. */
export const publicCtx = (): PublicCtx => ({
  ip: '127.0.0.1',
  requestId: `test-${randomUUID()}`,
  log: pino({ level: 'silent' }),
});
