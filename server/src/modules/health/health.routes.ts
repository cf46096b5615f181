import type { Redis } from 'ioredis';

import { HealthResponse, ReadinessResponse } from '@pulse/shared/schemas/health';

import { pingDb } from '../../lib/db';
import { pingRedis } from '../../lib/redis';
import type { Api } from '../auth/access';

const within = <T>(ms: number, work: Promise<T>) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);

export function registerHealthRoutes(api: Api, deps: { redis: Redis }): void {
  api.route({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process answers',
    tags: ['operations'],
    access: 'public',
    responses: { 200: { description: 'Alive', schema: HealthResponse } },
    handler: (_input, _req, res) => res.json({ status: 'ok' }),
  });

  api.route({
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: MongoDB and Redis both answer',
    tags: ['operations'],
    access: 'public',
    responses: {
      200: { description: 'Ready to serve traffic', schema: ReadinessResponse },
      503: { description: 'A dependency is down', schema: ReadinessResponse },
    },
    handler: async (_input, _req, res) => {
      const [mongodb, redis] = await Promise.all(
        [pingDb(), pingRedis(deps.redis)].map((p) =>
          within(1_500, p).then(
            () => 'up' as const,
            () => 'down' as const,
          ),
        ),
      );
      const ready = mongodb === 'up' && redis === 'up';
      const body: ReadinessResponse = { status: ready ? 'ready' : 'unavailable', checks: { mongodb, redis } };
      res.status(ready ? 200 : 503).json(body);
    },
  });
}
