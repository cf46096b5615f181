import { createApp } from './app';
import { boot } from './boot';
import { connectDb, disconnectDb, syncIndexes } from './lib/db';
import { createHttpServer } from './lib/http-server';
import { bindJobs, createJobs } from './lib/jobs';
import { createRedis, redisReady } from './lib/redis';
import { onShutdown } from './lib/shutdown';

async function main() {
  const { config, log } = boot('api');
  await connectDb(config.MONGODB_URI);
  await syncIndexes();
  const redis = createRedis(config.REDIS_URL, 'producer');
  await redisReady(redis);
  const jobs = createJobs(redis, { log });
  bindJobs(jobs);

  const server = createHttpServer(createApp({ config, log, redis }));
  server.listen(config.PORT, () => log.info({ url: config.PUBLIC_URL, port: config.PORT }, 'Pulse API listening'));

  onShutdown(log, config.SHUTDOWN_TIMEOUT_MS, [
    // Stop accepting, let in-flight requests finish; idle keep-alive sockets are closed now.
    [
      'http',
      () =>
        new Promise((resolve) => {
          server.close(resolve);
          server.closeIdleConnections();
        }),
    ],
    ['queue', () => jobs.close()],
    ['redis', () => redis.quit()],
    ['mongodb', () => disconnectDb()],
  ]);
}

main().catch((err) => {
  console.error('api failed to start:', err);
  process.exit(1);
});
