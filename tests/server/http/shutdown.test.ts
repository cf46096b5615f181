import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import path from 'node:path';

import { freePort } from '../../../scripts/lib/services';
import { workerMongoUri, workerRedisUrl } from '../../setup/harness';

const ROOT = path.resolve(__dirname, '../../..');

/** Starts an entry point as its own process and resolves once it logs `ready`. */
function startProcess(script: string, env: NodeJS.ProcessEnv, ready: string) {
  // Plain node with tsx's loader, as npm start runs it: the signal reaches the server itself.
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
    child.once('exit', (code) => reject(new Error(`exited ${code} before ready:\n${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, started, exited, output: () => output };
}

const kill = (child: ChildProcessWithoutNullStreams) => child.exitCode === null && child.kill('SIGKILL');

describe('graceful shutdown', () => {
  it('when the API gets SIGTERM mid-request, then it finishes that request and exits 0', async () => {
    const port = await freePort();
    const api = startProcess('server/src/main.ts', { PORT: String(port) }, 'Pulse API listening');
    try {
      await api.started;
      // A request whose body is still arriving when the signal comes. "Expect: 100-continue"
      // makes the server say when it has read the headers, so the signal lands mid-request.
      const req = http.request({
        port,
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'Content-Type': 'application/json', Expect: '100-continue' },
      });
      const answered = new Promise<number>((resolve, reject) => {
        req.on('response', (res) => resolve(res.statusCode!));
        req.on('error', reject);
      });
      req.flushHeaders();
      await once(req, 'continue');
      req.write('{"email":"someone@example.test",');
      api.child.kill('SIGTERM');
      req.end('"password":"not the right one"}');

      expect(await answered).toBe(401);
      expect(await api.exited).toBe(0);
      expect(api.output()).toContain('stopped');
    } finally {
      kill(api.child);
    }
  });

  it('when the worker gets SIGTERM, then it closes its queue connection and exits 0', async () => {
    const worker = startProcess('server/src/worker.ts', {}, 'Pulse worker started');
    try {
      await worker.started;
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.output()).toContain('stopped');
    } finally {
      kill(worker.child);
    }
  });
});
