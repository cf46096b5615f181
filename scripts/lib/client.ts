import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { ROOT } from './services';

const LOCK_STALE_MS = 5 * 60_000;

/**
 * npm start and the browser journeys serve the built client: build it when its sources are newer.
 * Two jest workers may start journeys at once on a fresh clone; a lock directory (mkdir is atomic)
 * makes the second wait for the first's build instead of emptying `dist` under it.
 */
export function buildClientIfStale(): string {
  const dist = path.join(ROOT, 'client/dist');
  const lock = path.join(ROOT, 'client/dist.lock');
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run would otherwise hold every later one.
      if (Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > LOCK_STALE_MS) {
        fs.rmSync(lock, { recursive: true, force: true });
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250);
    }
  }
  try {
    if (!isFresh(dist)) build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
  return dist;
}

function isFresh(dist: string): boolean {
  const built = path.join(dist, 'index.html');
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...fs.readdirSync(dir, { withFileTypes: true }).map((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs;
      }),
    );
  const sources = Math.max(newest(path.join(ROOT, 'client/src')), newest(path.join(ROOT, 'shared/src')));
  return fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources;
}

function build(): void {
  // Always the production build: jest sets NODE_ENV=test, which would give React's development one.
  const result = spawnSync('npm', ['run', 'build', '-w', 'client'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('Building the client failed');
}
