import type { Response } from 'express';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * The plain server-rendered page behind an emailed link (unsubscribe confirmations, opened from
 * a mail client, where the React app is not worth loading): never cached, `title` escaped, `body`
 * already safe HTML.
 */
export const htmlPage = (res: Response, status: number, title: string, body: string) =>
  res
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2328}` +
        `button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#1c6bd6;color:#fff;cursor:pointer}</style></head>` +
        `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
