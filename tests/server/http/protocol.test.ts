import net from 'node:net';
import zlib from 'node:zlib';

import request from 'supertest';

import { createApp } from '../../../server/src/app';
import { createHttpServer, HTTP_TIMEOUTS } from '../../../server/src/lib/http-server';
import { buildSignup, signUpAccount } from '../../factories/accounts';
import { startHarness, TEST_METRICS_TOKEN, type Harness } from '../../setup/harness';

const LOGIN_LIMIT = 3;
let h: Harness;
beforeAll(async () => (h = await startHarness({ RATE_LIMIT_LOGIN: String(LOGIN_LIMIT) })));
afterAll(() => h.close());

const signupWith = (encoding: string, body: Buffer) =>
  request(h.app)
    .post('/api/v1/auth/signup')
    .set('Content-Type', 'application/json')
    .set('Content-Encoding', encoding)
    .serialize((raw: Buffer) => raw as unknown as string)
    .send(body);

describe('request bodies with a Content-Encoding', () => {
  const json = () => Buffer.from(JSON.stringify(buildSignup()));

  it('when a gzip or brotli body is corrupt, then it answers 400 malformed_body, not 500', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await signupWith(encoding, Buffer.from('this is not compressed at all'));
      expect({ encoding, status: res.status, code: res.body.error?.code }).toEqual({
        encoding,
        status: 400,
        code: 'malformed_body',
      });
    }
  });

  it('when the encoding is unknown, then it answers 415', async () => {
    const res = await signupWith('compress', json());
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_media_type');
  });

  it('when a gzip or brotli body is well-formed, then it is read', async () => {
    await signupWith('gzip', zlib.gzipSync(json())).expect(202);
    await signupWith('br', zlib.brotliCompressSync(json())).expect(202);
  });
});

describe('methods', () => {
  it('when a known path is called with a method it does not have, then it answers 405 with Allow', async () => {
    const cases: Array<[string, string, string]> = [
      ['put', '/api/v1/organisation', 'GET, HEAD, PATCH'],
      ['delete', '/api/v1/auth/login', 'POST'],
      ['post', '/healthz', 'GET, HEAD'],
      ['put', '/api/v1/members/0123456789abcdef01234567', 'PATCH, DELETE'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await request(h.app)[method as 'put'](path);
      expect({ path, status: res.status, allow: res.headers.allow, code: res.body.error?.code }).toEqual({
        path,
        status: 405,
        allow,
        code: 'method_not_allowed',
      });
    }
  });

  it('when the path is unknown, then it still answers 404', async () => {
    const res = await request(h.app).put('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.allow).toBeUndefined();
  });
});

describe('/metrics', () => {
  it('when no token or a wrong one is sent, then it answers 401 and shows nothing', async () => {
    for (const auth of [undefined, 'Bearer wrong-token', `Basic ${TEST_METRICS_TOKEN}`]) {
      const req = request(h.app).get('/metrics');
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect(res.status).toBe(401);
      expect(res.text).not.toContain('http_request_duration_seconds');
    }
  });

  it('when the configured token is sent, then it answers the Prometheus text', async () => {
    const res = await request(h.app).get('/metrics').set('Authorization', `Bearer ${TEST_METRICS_TOKEN}`).expect(200);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
  });

  it('when no token is configured, then /metrics is not served at all', async () => {
    const app = createApp({ ...h, config: { ...h.config, METRICS_TOKEN: undefined } });
    await request(app).get('/metrics').set('Authorization', 'Bearer anything').expect(404);
  });
});

describe('slow and idle connections', () => {
  it('uses header, request and keep-alive timeouts of seconds, not minutes', () => {
    const server = createHttpServer(h.app);
    expect({
      headersTimeout: server.headersTimeout,
      requestTimeout: server.requestTimeout,
      keepAliveTimeout: server.keepAliveTimeout,
    }).toEqual(HTTP_TIMEOUTS);
    expect(HTTP_TIMEOUTS.headersTimeout).toBeLessThanOrEqual(10_000);
    expect(HTTP_TIMEOUTS.requestTimeout).toBeLessThanOrEqual(30_000);
  });

  it('when a client sends half a header block and stops, then the server closes the socket', async () => {
    const server = createHttpServer(h.app, { headersTimeout: 500, requestTimeout: 1_000, keepAliveTimeout: 500 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const began = Date.now();
    const socket = net.connect(port, '127.0.0.1');
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    await new Promise((resolve) => socket.on('close', resolve));
    server.close();
    expect(Date.now() - began).toBeLessThan(5_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('refused requests do not spend the rate-limit budget', () => {
  it('when log-ins are refused for CSRF or invalid input, then the account keeps all its attempts', async () => {
    const owner = await signUpAccount(h.app);
    for (let i = 0; i < LOGIN_LIMIT + 2; i++) {
      await request(h.app)
        .post('/api/v1/auth/login')
        .set('Sec-Fetch-Site', 'cross-site')
        .send({ email: owner.email, password: 'a wrong password' })
        .expect(403);
      await request(h.app)
        .post('/api/v1/auth/login')
        .send({ email: owner.email, password: 'a wrong password', extra: true })
        .expect(400);
    }
    for (let i = 0; i < LOGIN_LIMIT; i++) {
      await request(h.app)
        .post('/api/v1/auth/login')
        .send({ email: owner.email, password: 'a wrong password' })
        .expect(401);
    }
    await request(h.app).post('/api/v1/auth/login').send({ email: owner.email, password: owner.password }).expect(429);
  });
});
