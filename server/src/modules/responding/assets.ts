import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import type { BuildOptions } from 'esbuild';

/** The respondent-side scripts, bundled apart from the dashboard: each must stay ≤ 20 KB gzip. */
export const ASSETS = {
  'respondent.js': path.join(__dirname, 'browser', 'island.ts'),
  'widget.js': path.join(__dirname, 'browser', 'widget.tsx'),
} as const;
export type AssetName = keyof typeof ASSETS;

export const ASSET_BUDGET_BYTES = 20 * 1024;

/** How every asset is bundled, by `npm run build` and on demand when running from source. */
export const assetBuildOptions = (entry: string): BuildOptions => ({
  entryPoints: [entry],
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'safari15'],
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  write: false,
  legalComments: 'none',
});

/** Where the server build puts them, next to the bundled server. */
export const BUILT_ASSETS_DIR = 'public';

const cache = new Map<AssetName, { code: string; gzipBytes: number }>();

/**
 * The built file beside the server bundle in production; from source (development, tests) the
 * same esbuild options bundle it once per process. esbuild is a dev dependency, so it is only
 * required on that path.
 */
export function loadAsset(name: AssetName): { code: string; gzipBytes: number } {
  const cached = cache.get(name);
  if (cached) return cached;
  const built = path.join(__dirname, BUILT_ASSETS_DIR, name);
  let code: string;
  if (fs.existsSync(built)) code = fs.readFileSync(built, 'utf8');
  else {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require('esbuild') as typeof import('esbuild');
    code = esbuild.buildSync({ ...assetBuildOptions(ASSETS[name]), write: false }).outputFiles![0]!.text;
  }
  const asset = { code, gzipBytes: gzipSync(code).length };
  cache.set(name, asset);
  return asset;
}
