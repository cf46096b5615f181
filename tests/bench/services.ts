import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Redis } from 'ioredis';

import { startMailCatcher, type MailCatcher } from '../../server/src/dev/mail-catcher';
import { freePort, portAnswers, startFerretDb, startRedis } from '../../scripts/lib/services';

export interface BenchServices {
  /** FerretDB of its own, so the figures never include another run's data. */
  mongoUri: string;
  /** A logical database nobody else was using, claimed for this run and flushed at the end. */
  redisUrl: string;
  catcher: MailCatcher;
  stop(): Promise<void>;
}

const CLAIM_KEY = 'pulse-bench:claim';

/**
 * Brings up the services the way tests/setup/global-setup.ts does. Redis on 6379 may be shared
 * with a running test suite (its jest workers use logical databases 1, 2, …), so the bench claims
 * an empty database counting down from 15 rather than flushing one that may be in use.
 */
export async function startBenchServices(database: string): Promise<BenchServices> {
  const stops: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch((err) => console.error('bench: stopping a service:', err));
  };
  try {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-bench-db-'));
    stops.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const db = await startFerretDb({ port: await freePort(), sqliteDir: dir, stdio: 'ignore' });
    stops.push(() => db.stop());

    let redisBase = 'redis://127.0.0.1:6379';
    if (!(await portAnswers(6379))) {
      const redis = await startRedis({ port: await freePort() });
      stops.push(() => redis.stop());
      redisBase = redis.url;
    }
    const redisUrl = await claimEmptyRedisDb(redisBase);
    stops.push(() => flushRedisDb(redisUrl));

    const catcher = await startMailCatcher();
    stops.push(() => catcher.close());

    return { mongoUri: `${db.url}${database}`, redisUrl, catcher, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function claimEmptyRedisDb(base: string): Promise<string> {
  for (let n = 15; n >= 3; n--) {
    const url = new URL(base);
    url.pathname = `/${n}`;
    const redis = new Redis(url.toString(), { maxRetriesPerRequest: 1 });
    try {
      // Atomic, so two benches started together never pick the same database.
      const claimed = await redis.set(CLAIM_KEY, String(process.pid), 'EX', 600, 'NX');
      if (claimed && (await redis.dbsize()) === 1) return url.toString();
      if (claimed) await redis.del(CLAIM_KEY);
    } finally {
      await redis.quit();
    }
  }
  throw new Error(`No empty Redis logical database (15 down to 3) on ${base}`);
}

async function flushRedisDb(url: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await redis.flushdb();
  } finally {
    await redis.quit();
  }
}
