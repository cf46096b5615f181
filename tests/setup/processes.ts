import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

import { workerMongoUri, workerRedisUrl } from './harness';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Starts an entry point as its own process on this jest worker's database and Redis, and
 * `started` resolves once it logs `ready`. Plain node with tsx's loader, as npm start runs it,
 * so a signal reaches the process itself.
 */
export function startProcess(script: string, env: NodeJS.ProcessEnv, ready: string) {
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, started, exited, output: () => output };
}

export type StartedProcess = ReturnType<typeof startProcess>;

export const killHard = (child: ChildProcessWithoutNullStreams) => child.exitCode === null && child.kill('SIGKILL');
