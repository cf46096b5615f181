import { systemContext } from '../../lib/context';
import { defineSubscriber, type EventData } from '../../lib/events/events';
import { boundJobs } from '../../lib/jobs';
import { findResponse } from '../responses/responses.service';
import { isCounted } from './insights.service';
import { ProcessComment } from './process-comment.job';

/**
 * Feeds the term counters from the responses module's events: a completed response, or one whose
 * comment, score, touchpoint or confirmation changed, queues `insights.comment` when there is a
 * comment to count, or one counted before that must now come out. The job id is the response's
 * change (responseId, seq), so a redelivered event queues nothing new; the job itself re-reads
 * the response and replaces the comment's previous contribution, so order does not matter either.
 */
export const countComment = defineSubscriber({
  name: 'insights.count-comment',
  on: ['response.completed', 'response.updated'],
  async handle(event, { log }) {
    const data = (event.data ?? {}) as EventData;
    const organisationId = String(event.organisationId);
    const responseId = String(data.responseId);
    const ctx = systemContext({ organisationId, log, name: 'insights' });
    const response = await findResponse(ctx, responseId);
    const hasComment = Boolean(response?.comment?.trim());
    if (!hasComment && !(await isCounted(ctx, responseId))) return;
    await boundJobs().enqueue(
      ProcessComment,
      { organisationId, responseId },
      { jobId: `insights-comment-${responseId}-${String(data.seq)}` },
    );
  },
});

export const insightSubscribers = [countComment];
