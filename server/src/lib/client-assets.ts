import fs from 'node:fs';
import path from 'node:path';

import express, { type RequestHandler } from 'express';

/**
 * The built client: hashed files under /assets/ never change (a new build has new names), so
 * browsers keep them a year without asking; index.html is revalidated on every visit so a
 * deploy is seen at once. The build writes `.br` and `.gz` beside each text file; they are sent
 * to browsers that accept them, with the original's type.
 */
const YEAR = 'public, max-age=31536000, immutable';
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

export function clientAssets(dist: string): express.Router | undefined {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) return undefined;
  const router = express.Router();
  // Which precompressed copies exist, read once: the build does not change under a running server.
  const compressed = new Set(
    fs.readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(br|gz)$/.test(f)),
  );
  const pickEncoding = (accept: string | undefined, file: string) =>
    ENCODINGS.find((e) => accepts(accept, e.name) && compressed.has(`${file}${e.ext}`));

  const precompressed: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let file: string;
    try {
      file = decodeURIComponent(req.path).replace(/^\/+/, '');
    } catch {
      return next(); // a malformed %-escape: express.static answers it
    }
    const encoding = pickEncoding(req.headers['accept-encoding'], path.normalize(file));
    res.vary('Accept-Encoding');
    if (!encoding) return next();
    res.setHeader('Content-Encoding', encoding.name);
    res.type(path.extname(file));
    req.url = `${req.path}${encoding.ext}`;
    next();
  };
  router.use(
    precompressed,
    express.static(dist, {
      index: false,
      setHeaders: (res, filePath) => {
        const name = path.relative(dist, filePath);
        res.setHeader('Cache-Control', name.startsWith(`assets${path.sep}`) ? YEAR : 'no-cache');
      },
    }),
  );
  // Page routes fall back to index.html, which the client router then reads.
  router.get(/^\/(?!api\/|api$).*/, (req, res, next) => {
    if (!req.headers.accept?.includes('text/html')) return next();
    const encoding = pickEncoding(req.headers['accept-encoding'], 'index.html');
    res.vary('Accept-Encoding').setHeader('Cache-Control', 'no-cache');
    if (encoding) res.setHeader('Content-Encoding', encoding.name).type('html');
    res.sendFile(encoding ? `${index}${encoding.ext}` : index);
  });
  return router;
}

/** Whether an Accept-Encoding header allows `name` (a `;q=0` refuses it). */
function accepts(header: string | undefined, name: string): boolean {
  return (header ?? '').split(',').some((part) => {
    const [token, ...params] = part.trim().split(';');
    const q = params.find((p) => p.trim().startsWith('q='));
    return token?.trim() === name && (!q || Number(q.trim().slice(2)) > 0);
  });
}
