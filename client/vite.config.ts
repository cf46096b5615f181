import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Brotli and gzip copies of every text asset, written next to it at build time at the highest
 * levels (too slow per request, free once): the server sends `x.js.br` for `x.js` when the
 * browser accepts it.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'pulse-precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = path.resolve(config.root, config.build.outDir)),
    closeBundle() {
      const files = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
          const p = path.join(dir, e.name);
          return e.isDirectory() ? files(p) : [p];
        });
      for (const file of files(outDir).filter((f) => /\.(js|css|html|svg|json|txt)$/.test(f))) {
        const raw = fs.readFileSync(file);
        if (raw.length < 1024) continue;
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(raw, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
        );
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: zlib.constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}

// In `npm run dev -w client` the API runs separately; in production Express serves dist/ itself.
// The key ends in a slash on purpose: a bare '/api' prefix would also proxy the /api-keys page.
export default defineConfig({
  plugins: [react(), precompress()],
  // csv-parse's Node entry needs Buffer; its browser build carries its own. Jest (Node) keeps the Node one.
  resolve: { alias: { 'csv-parse/sync': 'csv-parse/browser/esm/sync' } },
  server: { proxy: { '/api/': 'http://localhost:3000' } },
  build: { outDir: 'dist', emptyOutDir: true },
});
