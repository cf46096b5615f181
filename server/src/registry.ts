import { dispatchEventJob } from './lib/events/dispatch-event.job';
import type { Subscriber } from './lib/events/events';
import { SweepEvents } from './lib/events/sweep-events.job';
import type { AnyJobDef } from './lib/jobs';
import { analyticsJobs } from './modules/analytics/analytics.jobs';
import { analyticsSubscribers } from './modules/analytics/analytics.events';
import { alertSubscribers } from './modules/alerts/alerts.events';
import { alertJobs } from './modules/alerts/alerts.jobs';
import { caseJobs } from './modules/cases/sweep-case-status.job';
import { auditSubscribers } from './modules/audit/audit.events';
import { insightSubscribers } from './modules/insights/insights.events';
import { insightJobs } from './modules/insights/insights.jobs';
import { invitationJobs } from './modules/invitations/invitations.jobs';
import { mailJobs } from './modules/mail/mail.jobs';
import { responseJobs } from './modules/responses/responses.jobs';
import { trendAlertJobs } from './modules/trend-alerts/trend-alerts.jobs';
import { slaJobs } from './modules/sla/escalate-case.job';
import { webhookJobs } from './modules/webhooks/webhooks.jobs';
import { webhookSubscribers } from './modules/webhooks/webhooks.events';
import { digestJobs } from './modules/digests/digests.jobs';

/**
 * What each module runs in the worker, collected in one list the bundler can follow (no
 * directory scanning at run time): a module adds its `<feature>.jobs.ts` job list and its
 * `<feature>.events.ts` subscribers here.
 */
export interface WorkerModule {
  name: string;
  jobs?: AnyJobDef[];
  subscribers?: Subscriber[];
}

export const WORKER_MODULES: WorkerModule[] = [
  { name: 'mail', jobs: mailJobs },
  { name: 'insights', jobs: insightJobs, subscribers: insightSubscribers },
  { name: 'audit', subscribers: auditSubscribers },
  { name: 'invitations', jobs: invitationJobs },
  { name: 'responses', jobs: responseJobs },
  { name: 'analytics', jobs: analyticsJobs, subscribers: analyticsSubscribers },
  { name: 'alerts', jobs: alertJobs, subscribers: alertSubscribers },
  { name: 'webhooks', jobs: webhookJobs, subscribers: webhookSubscribers },
  { name: 'trend-alerts', jobs: trendAlertJobs },
  { name: 'cases', jobs: caseJobs },
  { name: 'sla', jobs: slaJobs },
  { name: 'digests', jobs: digestJobs },
];

/** Every job the worker runs: the modules' own, and the event dispatch for their subscribers. */
export function workerJobs(modules: WorkerModule[] = WORKER_MODULES): AnyJobDef[] {
  const subscribers = modules.flatMap((m) => m.subscribers ?? []);
  if (new Set(subscribers.map((s) => s.name)).size !== subscribers.length)
    throw new Error('two subscribers share a name');
  return [...modules.flatMap((m) => m.jobs ?? []), dispatchEventJob(subscribers), SweepEvents];
}
