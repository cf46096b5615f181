import fs from 'node:fs';
import path from 'node:path';

import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

import { ASSETS, ASSET_BUDGET_BYTES, BUILT_ASSETS_DIR, assetBuildOptions } from '../src/modules/responding/assets';

// Runs as CommonJS under tsx (the server package has no "type": "module"), so __dirname exists.
const root = path.resolve(__dirname, '..');
const outdir = path.join(root, 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};

// seed.ts may not exist yet; a missing entry point would fail the whole build.
const entryPoints = ['main', 'worker', 'seed']
  .map((name) => path.join(root, 'src', `${name}.ts`))
  .filter((file) => fs.existsSync(file));

// A stale bundle (e.g. a seed.js whose source was removed) must not ship.
fs.rmSync(outdir, { recursive: true, force: true });

build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node24',
  // Without NODE_OPTIONS=--enable-source-maps (set in the Docker image) node ignores these.
  sourcemap: true,
  // Runtime dependencies come from node_modules: native addons (argon2) and packages that read
  // their own files (swagger-ui-express, pino's transports) break when inlined. Only @pulse/shared,
  // which is TypeScript source, has to be bundled. Subpaths ("zod/v4") follow their package.
  external: Object.keys(pkg.dependencies ?? {}),
  logLevel: 'info',
})
  // The respondent scripts go beside the bundle, where loadAsset() looks for them.
  .then(() =>
    Promise.all(
      Object.entries(ASSETS).map(async ([name, entry]) => {
        const outfile = path.join(outdir, BUILT_ASSETS_DIR, name);
        await build({ ...assetBuildOptions(entry), write: true, outfile });
        // Respondents load these on any phone: a build over budget is a failed build.
        const gzipBytes = gzipSync(fs.readFileSync(outfile)).length;
        if (gzipBytes > ASSET_BUDGET_BYTES) {
          console.error(`${name} is ${gzipBytes} bytes gzip, over the ${ASSET_BUDGET_BYTES}-byte budget`);
          throw new Error('asset over budget');
        }
      }),
    ),
  )
  .catch(() => {
    // esbuild has already printed the errors.
    process.exit(1);
  });
