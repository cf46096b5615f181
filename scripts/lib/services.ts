import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/**
 * The real services Pulse needs in development and tests, started from what the repo owns:
 * FerretDB (built once into .cache/) and redis-server from PATH when nothing answers.
 */
export const ROOT = path.resolve(__dirname, '../..');
const FERRETDB_BIN = path.join(ROOT, '.cache/ferretdb-1.24.2');

export interface Service {
  url: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

async function waitForPort(port: number, child: ChildProcess, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    if (await portAnswers(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on ${port} within ${timeoutMs} ms`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

export function ensureFerretDbBinary(): string {
  const built = spawnSync('bash', [path.join(ROOT, 'scripts/ensure-ferretdb.sh')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('Could not build FerretDB (see above)');
  return FERRETDB_BIN;
}

/** FerretDB on SQLite files in `sqliteDir`, or on PostgreSQL when `postgresqlUrl` is given. */
export async function startFerretDb(opts: {
  port: number;
  sqliteDir: string;
  postgresqlUrl?: string;
  stdio?: 'inherit' | 'pipe' | 'ignore';
}): Promise<Service & { child: ChildProcess }> {
  const bin = ensureFerretDbBinary();
  const args = [`--listen=127.0.0.1:${opts.port}`, `--sqlite-dir=${opts.sqliteDir}`, '--log-level=error'];
  if (opts.postgresqlUrl) args.push(`--postgresql-url=${opts.postgresqlUrl}`);
  const child = spawn(bin, args, { stdio: opts.stdio ?? 'inherit' });
  await waitForPort(opts.port, child, 'FerretDB');
  return { url: `mongodb://127.0.0.1:${opts.port}/`, stop: stopper(child), child };
}

/** redis-server from PATH, keeping nothing on disk. */
export async function startRedis(opts: {
  port: number;
  stdio?: 'inherit' | 'pipe' | 'ignore';
}): Promise<Service & { child: ChildProcess }> {
  const args = ['--port', String(opts.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: opts.stdio ?? 'ignore' });
  child.on('error', () => undefined);
  await waitForPort(opts.port, child, 'redis-server (is it installed?)');
  return { url: `redis://127.0.0.1:${opts.port}`, stop: stopper(child), child };
}
