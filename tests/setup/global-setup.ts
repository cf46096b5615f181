import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startMailCatcher } from '../../server/src/dev/mail-catcher';
import { freePort, portAnswers, startFerretDb, startRedis, type Service } from '../../scripts/lib/services';

/**
 * Brings up the real services once per run, unless the environment names them:
 *   MONGODB_URI  a MongoDB (or FerretDB) server; each jest worker uses its own database on it
 *   REDIS_URL    a Redis server (else one of its own); each jest worker uses its own logical database
 *   SMTP_URL + MAIL_CATCHER_URL  a running mail catcher
 * Workers inherit what this sets in process.env.
 */
export default async function globalSetup(): Promise<void> {
  const started: Array<Pick<Service, 'stop'>> = [];

  if (!process.env.MONGODB_URI) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-test-db-'));
    const db = await startFerretDb({
      port: await freePort(),
      sqliteDir: dir,
      postgresqlUrl: process.env.FERRETDB_POSTGRESQL_URL,
      stdio: 'ignore',
    });
    process.env.MONGODB_URI = db.url;
    started.push({ stop: async () => (await db.stop(), fs.rmSync(dir, { recursive: true, force: true })) });
  }

  if (!process.env.REDIS_URL) {
    // A Redis of the run's own, so two runs on one machine never flush each other's data;
    // the one on 6379 only when redis-server is not installed.
    const redis = await startRedis({ port: await freePort() }).catch(async (err) => {
      if (await portAnswers(6379)) return undefined;
      throw err;
    });
    process.env.REDIS_URL = redis?.url ?? 'redis://127.0.0.1:6379';
    if (redis) started.push(redis);
  }

  if (!process.env.SMTP_URL) {
    const catcher = await startMailCatcher();
    process.env.SMTP_URL = catcher.smtpUrl;
    process.env.MAIL_CATCHER_URL = catcher.httpUrl;
    started.push({ stop: () => catcher.close() });
  }

  (globalThis as { __pulseServices?: typeof started }).__pulseServices = started;
}
