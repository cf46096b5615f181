import { Types } from 'mongoose';
import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { defineJob } from '../../lib/jobs';
import { storedResponses } from './response-source';
import { rebuildRollups } from './rollups.rebuild';

/**
 * Recomputes one organisation's rollups from its stored responses: after a change of reporting
 * zone, a backfill, or to repair. Running it twice is harmless (each pass replaces documents by
 * compare-and-set), so a retry after a crash simply finishes the work.
 */
export const RebuildRollups = defineJob({
  name: 'analytics.rebuild',
  queue: 'bulk',
  payload: z.object({ organisationId: z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id') }),
  async run({ organisationId }, { log }) {
    const ctx = systemContext({ organisationId, log, name: 'analytics' });
    const result = await rebuildRollups(ctx, storedResponses);
    log.info(result, 'rollups rebuilt from stored responses');
  },
});
