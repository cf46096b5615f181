import { Types } from 'mongoose';
import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { defineJob } from '../../lib/jobs';
import { rebuildCounters } from './insights.service';

/** Recomputes an organisation's counters from what each comment contributes (see rebuildCounters). */
export const RebuildCounters = defineJob({
  name: 'insights.rebuild',
  queue: 'bulk',
  payload: z.object({ organisationId: z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id') }),
  async run({ organisationId }, { log }) {
    const result = await rebuildCounters(systemContext({ organisationId, log, name: 'insights' }));
    log.info(result, 'insight counters rebuilt');
  },
});
