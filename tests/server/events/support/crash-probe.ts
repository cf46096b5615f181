import type { Redis } from 'ioredis';
import mongoose from 'mongoose';

import { defineSubscriber, type Subscriber } from '../../../../server/src/lib/events/events';
import { createRedis } from '../../../../server/src/lib/redis';
import type { WorkerModule } from '../../../../server/src/registry';

/**
 * Two subscribers of `member.invited` that stop at a gate, so a test can SIGKILL the worker at a
 * known point: one before its effect, one after its effect but before the dispatch records it
 * done (the window in which a redelivery would double a careless effect). The gate is a Redis
 * key the test sets; each subscriber says where it stands in Redis; the effect is a document in
 * MongoDB written under the event's _id, the idempotency the Subscriber contract asks for.
 */
export const GATE_KEY = 'crash-probe:gate';
export const reachedKey = (eventId: string) => `crash-probe:reached:${eventId}`;
export const runsKey = (subscriber: string, eventId: string) => `crash-probe:runs:${subscriber}:${eventId}`;
export const EFFECTS = 'crash_probe_effects';
export const BEFORE_EFFECT = 'crash-probe.gate-before-effect';
export const AFTER_EFFECT = 'crash-probe.gate-after-effect';

let redis: Redis | undefined;
const connection = () => (redis ??= createRedis(process.env.REDIS_URL!, 'worker'));

async function waitAtGate(name: string, eventId: string) {
  await connection().sadd(reachedKey(eventId), name);
  while ((await connection().get(GATE_KEY)) !== 'open') await new Promise((r) => setTimeout(r, 50));
}

async function writeEffect(name: string, eventId: string) {
  await mongoose.connection
    .collection<{ _id: string }>(EFFECTS)
    .updateOne(
      { _id: `${name}:${eventId}` },
      { $setOnInsert: { subscriber: name, eventId, pid: process.pid } },
      { upsert: true },
    );
}

const gated = (name: string, effectFirst: boolean): Subscriber =>
  defineSubscriber({
    name,
    on: ['member.invited'],
    async handle(event) {
      const eventId = String(event._id);
      await connection().incr(runsKey(name, eventId));
      if (effectFirst) await writeEffect(name, eventId);
      await waitAtGate(name, eventId);
      if (!effectFirst) await writeEffect(name, eventId);
    },
  });

export const crashProbeModule: WorkerModule = {
  name: 'crash-probe',
  subscribers: [gated(BEFORE_EFFECT, false), gated(AFTER_EFFECT, true)],
};
