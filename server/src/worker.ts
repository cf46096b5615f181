import { boot } from './boot';
import { connectDb, disconnectDb, syncIndexes } from './lib/db';
import { createMailer } from './lib/mailer';
import { bindJobs, createJobs } from './lib/queue';
import { createRedis } from './lib/redis';
import { bindSettings } from './lib/settings';
import { onShutdown } from './lib/shutdown';
import { scheduleInvitationSweep } from './modules/invitations/sweep-invitations.job';
import { warmSurveyEmailTemplates } from './modules/invitations/survey-email';
import { startWorker } from './workers';

async function main() {
  const { config, log } = boot('worker');
  await connectDb(config.MONGODB_URI);
  await syncIndexes();
  const redis = createRedis(config.REDIS_URL, 'worker');
  const mailer = createMailer(config.SMTP_URL);
  bindSettings({ publicUrl: config.PUBLIC_URL, secretKey: config.SECRET_KEY, mailFrom: config.MAIL_FROM });
  // Jobs queue follow-ups (rate-limited sends, sweeps' re-queues) through the same producer API.
  const jobs = createJobs(redis);
  bindJobs(jobs);
  // The first survey mail should not pay MJML's load and compile.
  await warmSurveyEmailTemplates();
  await scheduleInvitationSweep();
  const worker = startWorker({
    connection: redis,
    log,
    mailer,
    concurrency: config.WORKER_CONCURRENCY,
    surveyMailsPerMinute: config.SURVEY_MAILS_PER_MINUTE,
  });
  onShutdown(log, config.SHUTDOWN_TIMEOUT_MS, [
    // close() waits for the jobs in hand to finish and takes no new ones.
    ['worker', () => worker.close()],
    ['mailer', async () => mailer.close()],
    ['jobs', () => jobs.close()],
    ['redis', () => redis.quit()],
    ['mongodb', () => disconnectDb()],
  ]);
  log.info({ concurrency: config.WORKER_CONCURRENCY }, 'Pulse worker started');
}

main().catch((err) => {
  console.error('worker failed to start:', err);
  process.exit(1);
});
