import { systemContext } from '../../lib/context';
import { defineSubscriber } from '../../lib/events/events';
import { boundJobs } from '../../lib/jobs';
import { findResponse } from '../responses/responses.service';
import { ProcessComment } from './process-comment.job';

/**
 * A completed or changed response with a comment is read into the term counters, in the bulk
 * queue, never on the response path. One job per event (its id names the event, so a redelivery
 * queues nothing new while the first is known); the job reloads the response, so whatever the
 * order, the counters end with the comment as it stands. An update without a comment is queued
 * too: the comment may have been taken back, or the answer left its band.
 */
export const queueCommentInsights = defineSubscriber({
  name: 'insights.comment',
  on: ['response.completed', 'response.updated'],
  async handle(event, { log }) {
    const organisationId = String(event.organisationId);
    const responseId = String((event.data as { responseId?: unknown }).responseId);
    const response = await findResponse(systemContext({ organisationId, log, name: 'insights' }), responseId);
    if (!response || (!response.comment && event.type !== 'response.updated')) return;
    await boundJobs().enqueue(
      ProcessComment,
      { organisationId, responseId },
      { jobId: `insights-${String(event._id)}` },
    );
  },
});

export const insightSubscribers = [queueCommentInsights];
