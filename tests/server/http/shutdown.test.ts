import { once } from 'node:events';
import http from 'node:http';

import { freePort } from '../../../scripts/lib/services';
import { killSpawned, spawnEntry } from '../../setup/processes';

// Each test starts a process through tsx: over 30 s when the machine is loaded.
jest.setTimeout(120_000);

describe('graceful shutdown', () => {
  it('when the API gets SIGTERM mid-request, then it finishes that request and exits 0', async () => {
    const port = await freePort();
    const api = spawnEntry('server/src/main.ts', { PORT: String(port) }, 'Pulse API listening');
    try {
      await api.started;
      // A request whose body is still arriving when the signal comes. "Expect: 100-continue"
      // makes the server say when it has read the headers, so the signal lands mid-request.
      const req = http.request({
        port,
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'Content-Type': 'application/json', Expect: '100-continue' },
      });
      const answered = new Promise<number>((resolve, reject) => {
        req.on('response', (res) => resolve(res.statusCode!));
        req.on('error', reject);
      });
      req.flushHeaders();
      await once(req, 'continue');
      req.write('{"email":"someone@example.test",');
      api.child.kill('SIGTERM');
      req.end('"password":"not the right one"}');

      expect(await answered).toBe(401);
      expect(await api.exited).toBe(0);
      expect(api.output()).toContain('stopped');
    } finally {
      killSpawned(api);
    }
  });

  it('when the worker gets SIGTERM, then it closes its queue connection and exits 0', async () => {
    const worker = spawnEntry('server/src/worker.ts', {}, 'Pulse worker started');
    try {
      await worker.started;
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.output()).toContain('stopped');
    } finally {
      killSpawned(worker);
    }
  });
});
