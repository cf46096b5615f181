import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Redis } from 'ioredis';

import { freePort, portAnswers, ROOT, startFerretDb, startRedis } from '../../scripts/lib/services';

/** The mail catcher in a process of its own, as `npm start` runs it, seen from the bench. */
export interface BenchCatcher {
  smtpUrl: string;
  /** How many mails it holds to `to`, or in all (nothing is dropped in a bench run). */
  count(to?: string): Promise<number>;
  /** CPU its process has used so far, in ms (Linux /proc, 10 ms ticks); null where unreadable. */
  cpuMs(): number | null;
}

export interface BenchServices {
  /** FerretDB of its own, so the figures never include another run's data. */
  mongoUri: string;
  /** A logical database nobody else was using, claimed for this run and flushed at the end. */
  redisUrl: string;
  catcher: BenchCatcher;
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

    const catcher = await startCatcherProcess(stops);

    return { mongoUri: `${db.url}${database}`, redisUrl, catcher, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Sender and sink on one event loop measured the catcher's work as the sender's: the SMTP figure
 * is of the two on separate cores, as in development, with the sink's CPU read from /proc.
 */
async function startCatcherProcess(stops: Array<() => Promise<unknown>>): Promise<BenchCatcher> {
  const [smtpPort, httpPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/dev/mail-catcher.main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      CATCHER_SMTP_PORT: String(smtpPort),
      CATCHER_HTTP_PORT: String(httpPort),
      CATCHER_KEEP: '1000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  stops.push(async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  });
  const [ready] = await Promise.race([once(child.stdout, 'data'), once(child, 'exit')]);
  if (!String(ready).startsWith('mail catcher:')) throw new Error(`mail catcher did not start: ${ready}`);

  const httpUrl = `http://127.0.0.1:${httpPort}`;
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    async count(to) {
      const url = new URL('/messages/count', httpUrl);
      if (to) url.searchParams.set('to', to);
      return ((await (await fetch(url)).json()) as { count: number }).count;
    },
    cpuMs() {
      try {
        // Fields 14 and 15 after the command name: user and system time in clock ticks (1/100 s).
        const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const [utime, stime] = stat
          .slice(stat.lastIndexOf(')') + 2)
          .split(' ')
          .slice(11, 13)
          .map(Number);
        return (utime! + stime!) * 10;
      } catch {
        return null;
      }
    },
  };
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
