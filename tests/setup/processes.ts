import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

import { workerMongoUri, workerRedisUrl } from './harness';

const ROOT = path.resolve(__dirname, '../..');

export interface Spawned {
  child: ChildProcessWithoutNullStreams;
  /** Resolves once the process logged its ready line; rejects if it exits first. */
  started: Promise<void>;
  /** The exit code, or null when a signal ended it. */
  exited: Promise<number | null>;
  output(): string;
}

/**
 * Starts an entry point (server/src/worker.ts, main.ts) as its own process on this jest worker's
 * database and Redis, the way `npm start` runs it: plain node with tsx's loader, so a signal
 * reaches the entry itself and not a wrapper.
 */
export function spawnEntry(script: string, env: NodeJS.ProcessEnv, ready: string): Spawned {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, MONGODB_URI: workerMongoUri(), REDIS_URL: workerRedisUrl(), LOG_LEVEL: 'info', ...env },
  });
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(ready)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`exited ${code ?? signal} before ready:\n${output}`)));
  });
  // A test that kills before ready awaits `exited`, not `started`.
  started.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, started, exited, output: () => output };
}

/** Ends a process the test started and has not ended yet. */
export const killSpawned = (p: Spawned) =>
  p.child.exitCode === null && p.child.signalCode === null && p.child.kill('SIGKILL');
