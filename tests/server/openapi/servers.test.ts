import request from 'supertest';

import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('the API docs server list', () => {
  it('when the docs are opened on another host, then that host comes first, then PUBLIC_URL', async () => {
    const res = await request(h.app).get('/api/openapi.json').set('Host', 'pulse.lan:8080').expect(200);
    expect(res.body.servers.map((s: { url: string }) => s.url)).toEqual([
      'http://pulse.lan:8080',
      new URL(h.config.PUBLIC_URL).href.replace(/\/$/, ''),
    ]);
  });

  it('when opened at PUBLIC_URL itself, then it lists it once', async () => {
    const res = await request(h.app)
      .get('/api/openapi.json')
      .set('Host', new URL(h.config.PUBLIC_URL).host)
      .expect(200);
    expect(res.body.servers).toHaveLength(1);
  });

  it('describes only what the server runs: every documented path answers something other than 404 route_not_found', async () => {
    const res = await request(h.app).get('/api/openapi.json').expect(200);
    expect(res.body.info.description).not.toMatch(/surveys, invitations, responses and analytics/);
    for (const [path, operations] of Object.entries(res.body.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(operations)) {
        const concrete = path.replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
        const answer = await request(h.app)[method as 'get'](concrete);
        expect({ method, path, code: answer.body?.error?.code }).not.toEqual({ method, path, code: 'route_not_found' });
      }
    }
  });
});
