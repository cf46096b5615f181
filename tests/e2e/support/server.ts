import { createHttpServer } from '../../../server/src/lib/http-server';
import { buildClientIfStale } from '../../../scripts/lib/client';
import { freePort } from '../../../scripts/lib/services';
import { startHarness, type Harness } from '../../setup/harness';

export interface RunningApp {
  url: string;
  harness: Harness;
  close(): Promise<void>;
}

/** The real app on a real port, serving the built client, with a worker delivering mail. */
export async function startRunningApp(overrides: Parameters<typeof startHarness>[0] = {}): Promise<RunningApp> {
  const dist = buildClientIfStale();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const harness = await startHarness({ CLIENT_DIST: dist, PUBLIC_URL: url, ...overrides });
  harness.startWorker();
  const server = createHttpServer(harness.app);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url,
    harness,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await harness.close();
    },
  };
}
