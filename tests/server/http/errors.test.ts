import request from 'supertest';

import { ApiErrorBody } from '@pulse/shared/errors';

import { startHarness, TEST_METRICS_TOKEN, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const errorCode = (body: unknown) => ApiErrorBody.parse(body).error.code;

describe('bad input never becomes a 500', () => {
  it('when the route does not exist, then it answers a JSON 404 in the shared error shape', async () => {
    for (const [method, path] of [
      ['get', '/api/v1/nope'],
      ['post', '/nope'],
      ['delete', '/api'],
    ] as const) {
      const res = await request(h.app)[method](path).set('Accept', 'application/json');
      expect(res.status).toBe(404);
      expect(res.type).toBe('application/json');
      expect(errorCode(res.body)).toBe('route_not_found');
      expect(res.body.error.requestId).toEqual(res.headers['x-request-id']);
    }
  });

  it('when the JSON body is malformed, then it answers 400 malformed_json', async () => {
    const res = await request(h.app).post('/api/v1/anything').set('Content-Type', 'application/json').send('{"a":');
    expect(res.status).toBe(400);
    expect(errorCode(res.body)).toBe('malformed_json');
  });

  it('when the body is 10 MB, then it answers 413 without reading it', async () => {
    const res = await request(h.app)
      .post('/api/v1/anything')
      .set('Content-Type', 'application/json')
      .send(`{"a":"${'x'.repeat(10 * 1024 * 1024)}"}`);
    expect(res.status).toBe(413);
    expect(errorCode(res.body)).toBe('payload_too_large');
  });

  it('when a JSON body is over 100 kB, then it answers 413', async () => {
    const res = await request(h.app)
      .post('/api/v1/anything')
      .send({ a: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
  });
});

describe('operations endpoints', () => {
  it('answers /healthz and exposes Prometheus metrics', async () => {
    await request(h.app).get('/healthz').expect(200, { status: 'ok' });
    const metrics = await request(h.app)
      .get('/metrics')
      .set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`)
      .expect(200);
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toContain('process_cpu_seconds_total');
  });

  it('serves an OpenAPI 3.1 document that describes its own routes, and a docs page', async () => {
    const doc = await request(h.app).get('/api/openapi.json').expect(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz', '/api/openapi.json']));
    expect(doc.body.paths['/healthz'].get.security).toEqual([]);
    const docs = await request(h.app).get('/api/docs/').expect(200);
    expect(docs.text).toContain('swagger-ui');
  });

  it('echoes a well-formed incoming request id and replaces a hostile one', async () => {
    const kept = await request(h.app).get('/healthz').set('X-Request-Id', 'abc-123');
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await request(h.app).get('/healthz').set('X-Request-Id', '<script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
