import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';

import mongoose from 'mongoose';

import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { connectDb, syncIndexes } from '../../server/src/lib/db';
import { createLogger } from '../../server/src/lib/logger';
import { bindJobs, createJobs } from '../../server/src/lib/jobs';
import { createRedis, redisReady } from '../../server/src/lib/redis';
import { benchAnalytics } from './analytics.bench';
import { benchCsvImport } from './csv-import.bench';
import { benchDb } from './db.bench';
import { benchIngest, benchSurveyMail } from './distribution.bench';
import { benchHttp, benchLogin, signUp } from './http.bench';
import { benchAcceptResponse } from './ingest.bench';
import { benchInsights } from './insights.bench';
import { benchInsightRebuild } from './insights-rebuild.bench';
import { benchMail } from './mail.bench';
import { benchPriority } from './priority.bench';
import { benchQueue } from './queue.bench';
import { startBenchServices } from './services';
import { benchAlertRules } from './alerts.bench';
import { benchWebhooks } from './webhooks.bench';
import { printHeader, printSection } from './stats';

/**
 * `npm run bench`: brings up its own FerretDB, a Redis database of its own and the mail catcher,
 * runs fixed-size loops against 127.0.0.1 only, prints each figure as it is measured, and stops
 * everything it started. Figures are only comparable on the same machine at the same load, so
 * the load average is printed with them.
 */
const DATABASE = 'pulse_bench';
const UNTHROTTLED = '100000';

async function main() {
  const began = performance.now();
  console.log(`Pulse bench: node ${process.version}, ${os.cpus().length} cores, load ${loadAverage()}`);
  const services = await startBenchServices(DATABASE);
  const closers: Array<() => Promise<unknown> | void> = [services.stop];
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      for (const c of closers.reverse())
        await Promise.resolve(c()).catch((err) => console.error('bench: closing:', err));
    })());
  // Ctrl-C still stops FerretDB, drops the database and frees the Redis database.
  const interrupted = () => void close().finally(() => process.exit(130));
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);

  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      MONGODB_URI: services.mongoUri,
      REDIS_URL: services.redisUrl,
      SMTP_URL: services.catcher.smtpUrl,
      RATE_LIMIT_LOGIN: UNTHROTTLED,
      RATE_LIMIT_SIGNUP: UNTHROTTLED,
      RATE_LIMIT_PASSWORD_RESET: UNTHROTTLED,
    });
    const log = createLogger(config, 'bench');
    await connectDb(config.MONGODB_URI, { monitorCommands: true });
    closers.push(() => mongoose.disconnect());
    await mongoose.connection.dropDatabase();
    closers.push(() => mongoose.connection.dropDatabase());
    await syncIndexes();

    const redis = createRedis(config.REDIS_URL, 'producer');
    closers.push(() => redis.quit());
    await redisReady(redis);
    const jobs = createJobs(redis);
    bindJobs(jobs);
    closers.push(() => jobs.close());

    const app = createApp({ config, log, redis });
    const server = http.createServer(app).listen(0, '127.0.0.1');
    await once(server, 'listening');
    closers.push(() => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    });
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const session = await signUp(baseUrl);

    printHeader();
    // `npm run bench -- analytics` runs only the sections whose key is named.
    const only = process.argv.slice(2);
    const wanted = (key: string) => only.length === 0 || only.includes(key);
    if (wanted('http')) {
      printSection('1. HTTP, real listening server, load generator in a worker thread');
      await benchHttp(baseUrl, session);
    }
    if (wanted('login')) {
      printSection('2. Login, one at a time (argon2id, 19 MiB, t=2, p=1)');
      await benchLogin(baseUrl, session);
    }
    if (wanted('mail')) {
      printSection('3. Mail delivery, pooled SMTP (maxConnections 5)');
      await benchMail(services.catcher.smtpUrl);
    }
    if (wanted('queue')) {
      printSection('4. queueEmail → BullMQ worker → SMTP → Email marked sent');
      await benchQueue({ jobs, redisUrl: config.REDIS_URL, log, catcher: services.catcher });
    }
    if (wanted('db')) {
      printSection('5. FerretDB (SQLite backend) cost model, one op at a time');
      await benchDb();
    }
    if (wanted('analytics')) {
      printSection('6. Analytics: one 12-month trend, from rollups and from raw answers');
      await benchAnalytics(log);
    }
    if (wanted('responses')) {
      printSection('8. Accepting a response over HTTP until the rollup counts it, against a bare driver loop');
      const owner = await mongoose.connection.db!.collection('organisations').findOne({});
      await benchAcceptResponse(baseUrl, config, log, String(owner!._id));
    }
    if (wanted('insights')) {
      printSection('7. Text insights: extraction per comment (wink-nlp, nlp.js, rules), CPU time');
      benchInsights();
      await benchInsightRebuild(log);
    }

    const distribution = { app, jobs, redis, redisUrl: config.REDIS_URL, log, catcher: services.catcher };
    if (wanted('survey-mail')) {
      printSection('8. Survey email: BullMQ job → render → state updates → pooled SMTP, against a bare loop');
      await benchSurveyMail(distribution);
    }
    if (wanted('ingest')) {
      printSection('9. Ingest: bulk interactions through the ingest service, against bare driver writes');
      await benchIngest(distribution);
    }
    if (wanted('csv')) {
      printSection("8. CSV import of 100,000 interactions (the web app's importer, then end to end)");
      // BENCH_CSV_E2E_ROWS shortens the end-to-end part on a slow database, BENCH_CSV_BATCH keeps
      // each request inside the client's 300 s header timeout there.
      const endToEndRows = Number(process.env.BENCH_CSV_E2E_ROWS ?? 100_000);
      const batchSize = Number(process.env.BENCH_CSV_BATCH ?? 1_000);
      await benchCsvImport({ baseUrl, cookie: session.cookie, endToEndRows, batchSize });
    }
    if (wanted('priority')) {
      printSection('8. Password-reset mail while 5,000 bulk jobs are queued (two queues, c=5 each)');
      await benchPriority({ baseUrl, jobs, redisUrl: config.REDIS_URL, log, catcher: services.catcher });
    }

    if (wanted('webhooks')) {
      printSection(
        '10. Webhooks: submissions with a fast, a 500 and a hanging endpoint subscribed; deliveries per worker',
      );
      await benchWebhooks(baseUrl, config, log);
    }
    if (wanted('alerts')) {
      printSection('11. Alert rules: 100 rules against 10,000 responses (the matching code the subscriber runs)');
      benchAlertRules();
    }

    console.log(`\nDone in ${((performance.now() - began) / 1000).toFixed(0)} s, load ${loadAverage()}`);
  } finally {
    await close();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

main().catch((err) => {
  console.error('bench failed:', err);
  process.exitCode = 1;
});
