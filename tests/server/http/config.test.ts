import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { CONFIG_KEYS, ConfigError, loadConfig } from '../../../server/src/config';

const ROOT = path.resolve(__dirname, '../../..');

describe('configuration', () => {
  it('lists every bad key at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', REDIS_URL: 'not a url', SECRET_KEY: 'short' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^REDIS_URL: /m);
    expect(problems).toMatch(/^SECRET_KEY: /m);
  });

  it('.env.example lists exactly the keys the server reads, and its values parse', () => {
    const lines = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8').split('\n');
    const entries = lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=') as [string, string]);
    expect(entries.map(([k]) => k).sort()).toEqual([...CONFIG_KEYS].sort());
    expect(() => loadConfig(Object.fromEntries(entries))).not.toThrow();
  });

  it('the README configuration table lists exactly the keys the server reads', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Scripts'));
    const keys = [...section.matchAll(/^\| `([A-Z_]+)` /gm)].map((m) => m[1]);
    expect(keys.sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it('treats an empty value as unset and requires SECRET_KEY in production', () => {
    expect(loadConfig({ PORT: '' }).PORT).toBe(3000);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET_KEY: is required in production/);
  });

  it('when PORT=abc, then the server exits non-zero naming the key', async () => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: 'abc' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('"abc"');
  });
});
