import { Writable } from 'node:stream';

import express from 'express';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import request from 'supertest';
import { z } from 'zod';

import { createApiRegistry } from '../../../server/src/lib/api';
import { errorHandler } from '../../../server/src/lib/error-handler';

/** A registry with public routes whose handlers say what the test needs, and the log it writes. */
function appWith(checkResponses: boolean) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const api = createApiRegistry<never>({
    guard: () => [],
    security: () => [],
    identity: () => {
      throw new Error('public routes only');
    },
    checkResponses,
  });
  const Count = z.object({ count: z.number().int(), at: z.iso.datetime() });
  const route = (path: string, status: number, body: unknown) =>
    api.route({
      method: 'get',
      path,
      summary: path,
      tags: ['test'],
      access: 'public',
      responses: { 200: { description: 'A count', schema: Count } },
      handler: (_input, _req, res) => void res.status(status).json(body),
    });
  route('/matches', 200, { count: 3, at: new Date('2026-01-01T00:00:00Z') });
  route('/lies', 200, { count: 'three', at: 'yesterday' });
  route('/undeclared', 201, { count: 3, at: '2026-01-01T00:00:00Z' });
  const app = express();
  app.use(pinoHttp({ logger: pino({ level: 'error' }, sink) }));
  app.use(api.router);
  app.use(errorHandler);
  return { app, lines };
}

describe('responses checked against their declared schema', () => {
  it('when a body matches its schema as it reads on the wire (a Date becomes an ISO string), then it is sent as is', async () => {
    const { app } = appWith(true);
    const res = await request(app).get('/matches').expect(200);
    expect(res.body).toEqual({ count: 3, at: '2026-01-01T00:00:00.000Z' });
  });

  it('when a body does not match, then in development and tests it answers 500 and logs each wrong field', async () => {
    const { app, lines } = appWith(true);
    const res = await request(app).get('/lies').expect(500);
    expect(res.body.error.code).toBe('internal_error');
    expect(JSON.stringify(res.body)).not.toContain('three');
    const logged = lines.join('');
    expect(logged).toContain('GET /lies answered 200 with a body its declared response does not match');
    expect(logged).toMatch(/count Invalid input: expected number/);
    expect(logged).toMatch(/at Invalid ISO datetime/);
  });

  it('when a handler answers a status its route does not declare, then it answers 500', async () => {
    const { app, lines } = appWith(true);
    await request(app).get('/undeclared').expect(500);
    expect(lines.join('')).toContain('GET /undeclared answered 201');
  });

  it('in production the check is off: the client gets the body, not an error', async () => {
    const { app } = appWith(false);
    const res = await request(app).get('/lies').expect(200);
    expect(res.body).toEqual({ count: 'three', at: 'yesterday' });
  });
});
