import { Types } from 'mongoose';
import { z } from 'zod';

import { systemContext } from '../../lib/context';
import { defineJob, type AnyJobDef } from '../../lib/jobs';
import { findResponse } from '../responses/responses.service';
import { processComment, rebuildCounters } from './insights.service';

const objectId = z.string().refine((id) => Types.ObjectId.isValid(id), 'not an id');

/**
 * Reads one response's comment into the term counters. The payload carries ids only (no comment
 * text in Redis): the handler reloads the response, so a retry or a late duplicate applies
 * whatever the response says now, and processComment makes applying it twice harmless.
 */
export const ProcessComment = defineJob({
  name: 'insights.comment',
  // Text analysis is background work: it never delays account mail.
  queue: 'bulk',
  payload: z.object({ organisationId: objectId, responseId: objectId }),
  run: async ({ organisationId, responseId }, { log }) => {
    const ctx = systemContext({ organisationId, log, name: 'insights' });
    const response = await findResponse(ctx, responseId);
    if (!response) {
      log.debug({ responseId }, 'response gone; nothing to count');
      return;
    }
    // A provisional answer (a GET, perhaps a mail scanner) never counts, as in the rollups.
    const counted = response.state === 'confirmed';
    await processComment(ctx, {
      organisationId,
      responseId,
      touchpointId: response.touchpointId ? String(response.touchpointId) : null,
      language: response.language,
      band: response.band,
      comment: counted ? (response.comment ?? null) : null,
      answeredAt: response.answeredAt,
    });
  },
});

/** Recomputes an organisation's counters from what each comment contributes (see rebuildCounters). */
export const RebuildCounters = defineJob({
  name: 'insights.rebuild',
  queue: 'bulk',
  payload: z.object({ organisationId: objectId }),
  run: async ({ organisationId }, { log }) => {
    const result = await rebuildCounters(systemContext({ organisationId, log, name: 'insights' }));
    log.info(result, 'insight counters rebuilt');
  },
});

/** The insights module's jobs, collected by server/src/registry.ts. */
export const insightsJobs: AnyJobDef[] = [ProcessComment, RebuildCounters];
