import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * The HTTP load generator, in a thread of its own so the server's event loop is not also the
 * client's: on a 2-core machine that would halve what the server appears to manage.
 */
export interface LoadRequest {
  url: string;
  cookie?: string;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Upper bound on measured requests, so the loop ends even on a very fast machine. */
  maxRequests: number;
}

export interface LoadResult {
  samplesMs: number[];
  elapsedMs: number;
  statuses: Record<number, number>;
  errors: number;
}

const { url, cookie, connections, warmupMs, durationMs, maxRequests } = workerData as LoadRequest;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const headers = cookie ? { cookie } : {};

function get(): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function drive(untilMs: number, measure?: LoadResult): Promise<void> {
  const lane = async () => {
    while (performance.now() < untilMs && (!measure || measure.samplesMs.length < maxRequests)) {
      const started = performance.now();
      try {
        const status = await get();
        if (measure) {
          measure.samplesMs.push(performance.now() - started);
          measure.statuses[status] = (measure.statuses[status] ?? 0) + 1;
        }
      } catch {
        if (measure) measure.errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, lane));
}

async function main() {
  await drive(performance.now() + warmupMs);
  const result: LoadResult = { samplesMs: [], elapsedMs: 0, statuses: {}, errors: 0 };
  const started = performance.now();
  await drive(started + durationMs, result);
  result.elapsedMs = performance.now() - started;
  agent.destroy();
  parentPort!.postMessage(result);
}

void main();
