/**
 * `npm start`: the whole product at one URL — dev database (FerretDB), Redis (if none answers),
 * the mail catcher, the API serving the built client, and the worker — with prefixed logs.
 * Ctrl-C stops every child. Anything named in the environment (MONGODB_URI, REDIS_URL, SMTP_URL)
 * is used instead of starting it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

import { prettyFactory } from 'pino-pretty';

import { loadDotEnv } from '../server/src/boot';
import { buildClientIfStale } from './lib/client';
import { ROOT, portAnswers, startFerretDb, startRedis } from './lib/services';

const children: Array<{ name: string; child: ChildProcess }> = [];
const pretty = prettyFactory({
  colorize: process.stdout.isTTY,
  ignore: 'pid,hostname,name',
  translateTime: 'HH:MM:ss',
});
const COLOURS = { db: 33, redis: 31, mail: 35, api: 36, worker: 32, start: 37 } as const;
type Name = keyof typeof COLOURS;

function say(name: Name, line: string) {
  const label = process.stdout.isTTY ? `\x1b[${COLOURS[name]}m${name.padEnd(6)}\x1b[0m` : name.padEnd(6);
  process.stdout.write(`${label}| ${line.trimEnd()}\n`);
}

/** Every line a child prints goes out under its name; pino's JSON lines are made readable. */
function attach(name: Name, child: ChildProcess) {
  children.push({ name, child });
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on('line', (line) => {
      say(name, line.startsWith('{') ? pretty(line) : line);
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say('start', `${name} exited (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
}

// Node itself with tsx's loader (not the tsx CLI, which adds a process that relays signals).
function run(name: Name, script: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  attach(name, child);
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  // Reverse order: the API and worker drain before the services they use go away.
  for (const { child } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  process.exit(code);
}

async function main() {
  // `on`: Ctrl-C reaches this process both from the terminal and relayed by npm and tsx.
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  loadDotEnv();
  const env: NodeJS.ProcessEnv = { ...process.env };
  const port = env.PORT ?? '3000';
  env.PUBLIC_URL ??= `http://localhost:${port}`;

  if (!env.MONGODB_URI) {
    const dbPort = Number(env.DEV_DB_PORT ?? 27017);
    if (await portAnswers(dbPort)) say('db', `a database already answers on ${dbPort}; using it`);
    else {
      say('db', 'starting FerretDB 1.24.2 (SQLite files in .data/ferretdb)');
      const db = await startFerretDb({
        port: dbPort,
        sqliteDir: path.join(ROOT, '.data/ferretdb'),
        postgresqlUrl: env.FERRETDB_POSTGRESQL_URL,
        stdio: 'pipe',
      });
      attach('db', db.child);
    }
    env.MONGODB_URI = `mongodb://127.0.0.1:${dbPort}/pulse`;
  }

  if (!env.REDIS_URL) {
    const redisPort = Number(env.DEV_REDIS_PORT ?? 6379);
    if (await portAnswers(redisPort)) say('redis', `Redis already answers on ${redisPort}; using it`);
    else {
      say('redis', `starting redis-server on ${redisPort}`);
      attach('redis', (await startRedis({ port: redisPort, stdio: 'pipe' })).child);
    }
    env.REDIS_URL = `redis://127.0.0.1:${redisPort}`;
  }

  if (!env.SMTP_URL) {
    const smtpPort = Number(env.DEV_SMTP_PORT ?? 1025);
    const catcherPort = Number(env.DEV_MAIL_CATCHER_PORT ?? 1080);
    run('mail', 'server/src/dev/mail-catcher.main.ts', {
      ...env,
      CATCHER_SMTP_PORT: String(smtpPort),
      CATCHER_HTTP_PORT: String(catcherPort),
    });
    env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
    env.MAIL_CATCHER_URL = `http://127.0.0.1:${catcherPort}`;
    say('mail', `read the mail Pulse sends at ${env.MAIL_CATCHER_URL}`);
  }

  say('start', 'building the client (skipped when up to date)');
  buildClientIfStale();

  run('api', 'server/src/main.ts', env);
  run('worker', 'server/src/worker.ts', env);
  say('start', `Pulse will answer at ${env.PUBLIC_URL} (Ctrl-C stops everything)`);
}

main().catch((err) => {
  say('start', String(err?.stack ?? err));
  void stop(1);
});
