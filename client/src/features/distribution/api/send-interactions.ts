import { IngestResponse, type Interaction } from '@pulse/shared/schemas/interactions';

import { ApiError, apiFetch } from '../../../lib/api-client';
import type { SendOutcome } from '../lib/csv-import';

/** One batch of an import, through the same ingest API other systems call. */
export async function sendInteractions(interactions: Interaction[], signal?: AbortSignal): Promise<SendOutcome> {
  try {
    const { decisions } = await apiFetch('/api/v1/interactions', {
      method: 'POST',
      body: { interactions },
      schema: IngestResponse,
      signal,
    });
    return { kind: 'accepted', decisions };
  } catch (error) {
    // Stopping the import aborts the batch in flight; the report says so.
    if (signal?.aborted) return { kind: 'fatal', message: 'The import was stopped.' };
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'validation_failed') return { kind: 'invalid', message: error.message, details: error.details };
    // Unreachable (0), rate limited or briefly unavailable: the batch's idempotency keys make a resend safe.
    if (error.status === 0 || error.status === 429 || error.status >= 500) {
      return { kind: 'retry', afterMs: 1_000, message: error.message };
    }
    return { kind: 'fatal', message: error.message };
  }
}
