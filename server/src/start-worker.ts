import { boot } from './boot';
import { connectDb, disconnectDb, syncIndexes } from './lib/db';
import { scheduleEventSweeper } from './lib/events/sweep-events.job';
import { scheduleCaseStatusSweep } from './modules/cases/sweep-case-status.job';
import { scheduleAlertDigests } from './modules/alerts/send-alert-digests.job';
import { scheduleUnansweredSweep } from './modules/alerts/sweep-unanswered.job';
import { bindJobs, createJobs, startJobWorkers } from './lib/jobs';
import { createMailer } from './lib/mailer';
import { createRedis } from './lib/redis';
import { bindSettings } from './lib/settings';
import { onShutdown } from './lib/shutdown';
import { bindLivePublisher } from './modules/analytics/analytics.live';
import { configureSurveySending } from './modules/invitations/send-invitation.job';
import { warmSurveyEmailTemplates } from './modules/invitations/survey-email';
import { scheduleInvitationSweep } from './modules/invitations/sweep-invitations.job';
import { scheduleTrendChecks } from './modules/trend-alerts/check-trends.job';
import { scheduleResponseEventSweep } from './modules/responses/sweep-response-events.job';
import { configureWebhooks } from './modules/webhooks/webhooks.config';
import { WORKER_MODULES, workerJobs, type WorkerModule } from './registry';
import { scheduleDigests } from './modules/digests/enqueue-digests.job';

/**
 * The worker process: config → connections → workers → graceful shutdown. `modules` is the
 * product's own list; the crash tests start this same process with one test module added.
 */
export async function startWorker(modules: WorkerModule[] = WORKER_MODULES): Promise<void> {
  const { config, log } = boot('worker');
  await connectDb(config.MONGODB_URI);
  await syncIndexes();
  bindSettings({ publicUrl: config.PUBLIC_URL, secretKey: config.SECRET_KEY, mailFrom: config.MAIL_FROM });
  const redis = createRedis(config.REDIS_URL, 'worker');
  // Jobs enqueue follow-up jobs (an event's dispatch, a campaign's mails) through the same connection.
  const jobs = createJobs(redis, { log });
  bindJobs(jobs);
  const mailer = createMailer(config.SMTP_URL);
  configureSurveySending({ redis, mailsPerMinute: config.SURVEY_MAILS_PER_MINUTE });
  // Rollup changes are announced to open dashboards on the same connection.
  bindLivePublisher(redis);
  configureWebhooks(config);
  // The first survey mail should not pay MJML's load and compile.
  await warmSurveyEmailTemplates();
  await scheduleInvitationSweep();
  const workers = startJobWorkers({
    connection: redis,
    log,
    services: { mailer },
    concurrency: config.WORKER_CONCURRENCY,
    jobs: workerJobs(modules),
  });
  const sweep = { everyMs: config.EVENT_SWEEP_INTERVAL_MS, olderThanMs: config.EVENT_REDISPATCH_AFTER_MS };
  await scheduleEventSweeper(sweep);
  await scheduleResponseEventSweep(sweep);
  await scheduleTrendChecks();
  await scheduleCaseStatusSweep(sweep);
  await scheduleDigests();
  await scheduleAlertDigests();
  await scheduleUnansweredSweep();
  onShutdown(log, config.SHUTDOWN_TIMEOUT_MS, [
    // close() waits for the jobs in hand to finish and takes no new ones.
    ['workers', () => workers.close()],
    ['queues', () => jobs.close()],
    ['mailer', async () => mailer.close()],
    ['redis', () => redis.quit()],
    ['mongodb', () => disconnectDb()],
  ]);
  log.info({ concurrency: config.WORKER_CONCURRENCY }, 'Pulse worker started');
}
