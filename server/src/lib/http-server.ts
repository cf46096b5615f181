import http from 'node:http';

import type { Express } from 'express';

export interface HttpTimeouts {
  /** The whole header block must arrive within this, from the first byte of a request. */
  headersTimeout: number;
  /** The whole request, body included, must arrive within this. */
  requestTimeout: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeout: number;
}

// Node's defaults (60 s for headers, 5 min per request) let a slow client hold a socket for
// minutes; no Pulse request needs more than a few seconds to arrive.
export const HTTP_TIMEOUTS: HttpTimeouts = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000 };

/** The HTTP server main.ts listens with; the timeouts are enforced by checking every second. */
export function createHttpServer(app: Express, timeouts: HttpTimeouts = HTTP_TIMEOUTS): http.Server {
  const server = http.createServer(
    {
      headersTimeout: timeouts.headersTimeout,
      requestTimeout: timeouts.requestTimeout,
      keepAliveTimeout: timeouts.keepAliveTimeout,
      // Timeouts are only checked this often (30 s by default), which would stretch them.
      connectionsCheckingInterval: Math.min(1_000, timeouts.headersTimeout),
    },
    app,
  );
  return server;
}
