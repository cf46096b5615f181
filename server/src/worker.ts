import { boot } from './boot';
import { connectDb, disconnectDb, syncIndexes } from './lib/db';
import { createMailer } from './lib/mailer';
import { createRedis } from './lib/redis';
import { onShutdown } from './lib/shutdown';
import { startWorker } from './workers';

async function main() {
  const { config, log } = boot('worker');
  await connectDb(config.MONGODB_URI);
  await syncIndexes();
  const redis = createRedis(config.REDIS_URL, 'worker');
  const mailer = createMailer(config.SMTP_URL);
  const worker = startWorker({ connection: redis, log, mailer, concurrency: config.WORKER_CONCURRENCY });
  onShutdown(log, config.SHUTDOWN_TIMEOUT_MS, [
    // close() waits for the jobs in hand to finish and takes no new ones.
    ['worker', () => worker.close()],
    ['mailer', async () => mailer.close()],
    ['redis', () => redis.quit()],
    ['mongodb', () => disconnectDb()],
  ]);
  log.info({ concurrency: config.WORKER_CONCURRENCY }, 'Pulse worker started');
}

main().catch((err) => {
  console.error('worker failed to start:', err);
  process.exit(1);
});
