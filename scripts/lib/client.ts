import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { ROOT } from './services';

/** npm start and the browser journeys serve the built client: build it when its sources are newer. */
export function buildClientIfStale(): string {
  const dist = path.join(ROOT, 'client/dist');
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
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return dist;
  // Always the production build: jest sets NODE_ENV=test, which would give React's development one.
  const result = spawnSync('npm', ['run', 'build', '-w', 'client'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('Building the client failed');
  return dist;
}
