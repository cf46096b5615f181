import { Types } from 'mongoose';
import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { defineJob } from '../../lib/jobs';
import { findResponse } from '../responses/responses.service';
import { syncComment } from './insights.service';

const objectId = z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id');

/**
 * Reads one response's comment into the term counters. The payload carries ids only (no comment
 * text in Redis): the job reloads the response, so a retry or a late duplicate applies whatever
 * the response says now, and applying it twice is harmless (see syncComment).
 */
export const ProcessComment = defineJob({
  name: 'insights.comment',
  queue: 'bulk',
  payload: z.object({ organisationId: objectId, responseId: objectId }),
  async run({ organisationId, responseId }, { log }) {
    const ctx = systemContext({ organisationId, log, name: 'insights' });
    const result = await syncComment(ctx, responseId, async () => {
      const response = await findResponse(ctx, responseId);
      // Gone, or provisional (a GET, perhaps a mail scanner): it counts nowhere, as in the rollups.
      if (!response || response.state !== 'confirmed') return null;
      return {
        organisationId,
        responseId,
        touchpointId: response.touchpointId ? String(response.touchpointId) : null,
        language: response.language,
        band: response.band,
        comment: response.comment ?? null,
        answeredAt: response.answeredAt,
      };
    });
    log.debug({ responseId, ...result }, 'comment counted');
  },
});
