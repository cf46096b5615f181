import type { Redis } from 'ioredis';

import { RollupChanged } from '@pulse/shared/schemas/analytics';

import type { Ctx } from '../../lib/context';
import { redisReady } from '../../lib/redis';
import type { Observation } from './rollup-keys';
import { applyScoreChange } from './rollups.service';

/**
 * Live updates: the dev database has no change streams, so whoever changes a rollup publishes on
 * Redis, and every API process relays it to the dashboards of that organisation over SSE.
 */
const channelOf = (organisationId: string) => `analytics:rollup:${organisationId}`;

let publisher: Redis | undefined;

/** The connection the worker's rollup subscriber publishes on; bound once at boot (worker, test harness). */
export function bindLivePublisher(redis: Redis): void {
  publisher = redis;
}

export function livePublisher(): Redis {
  if (!publisher) throw new Error('no live publisher is bound: call bindLivePublisher() at boot');
  return publisher;
}

/**
 * The entry point for response events (analytics.events.ts): fold the observation
 * into the rollups, then tell open dashboards. A replay changes nothing and says nothing; a new
 * confirmed revision that leaves the counts as they were (a comment added) still tells them, for
 * the verbatims.
 */
export async function recordObservation(ctx: Ctx, redis: Redis, observation: Observation): Promise<boolean> {
  const change = await applyScoreChange(ctx, observation);
  if (change.changed || (change.recorded && observation.confirmed)) {
    const message: RollupChanged = {
      surveyId: observation.surveyId,
      touchpointId: observation.touchpointId,
      channel: observation.channel,
      day: change.day,
    };
    // A lost notification only delays a dashboard until its next refetch: never fail the write for it.
    await redis.publish(channelOf(ctx.organisationId), JSON.stringify(message)).catch((err: unknown) => {
      ctx.log.warn({ err }, 'could not publish a rollup change');
    });
  }
  return change.changed;
}

type Listener = (message: RollupChanged) => void;

/**
 * One subscriber connection per API process, opened with the first listener and closed with the
 * last, fanning messages out to the listeners of each organisation.
 */
export function createLiveHub(redis: Redis) {
  const listeners = new Map<string, Set<Listener>>();
  let subscriber: Promise<Redis> | null = null;

  async function connect(): Promise<Redis> {
    const sub = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    sub.on('error', () => undefined); // reconnects by itself; SSE clients keep their stream
    sub.on('message', (channel: string, raw: string) => {
      const parsed = RollupChanged.safeParse(JSON.parse(raw));
      if (!parsed.success) return;
      for (const listener of listeners.get(channel) ?? []) listener(parsed.data);
    });
    await redisReady(sub);
    return sub;
  }

  return {
    async listen(organisationId: string, listener: Listener): Promise<() => Promise<void>> {
      const channel = channelOf(organisationId);
      subscriber ??= connect();
      const sub = await subscriber;
      let set = listeners.get(channel);
      if (!set) {
        listeners.set(channel, (set = new Set()));
        await sub.subscribe(channel);
      }
      set.add(listener);
      return async () => {
        set.delete(listener);
        if (set.size > 0 || listeners.get(channel) !== set) return;
        listeners.delete(channel);
        await sub.unsubscribe(channel);
        if (listeners.size === 0 && subscriber) {
          subscriber = null;
          await sub.quit();
        }
      };
    },
  };
}
export type LiveHub = ReturnType<typeof createLiveHub>;
