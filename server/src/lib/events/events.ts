import { z } from 'zod';
import type { Types } from 'mongoose';

import type { Ctx } from '../context';
import { boundJobs, type JobContext, type JobRef } from '../jobs';
import { DomainEventModel, type DomainEvent } from './event.model';

export type Scalar = string | number | boolean | null;

/** What an event says besides its type: ids, and for the audit log a target and a few details. */
export interface EventData {
  target?: string | null;
  details?: Record<string, Scalar>;
  [id: string]: Scalar | Record<string, Scalar> | undefined;
}

/**
 * Who acted, as the event records it. Any Ctx fits; so does a person acting before they hold a
 * session in the organisation (confirming their address, resetting a password).
 */
export type EventActor =
  | { kind: 'user'; userId: string; email: string }
  | { kind: 'apiKey'; apiKeyId: string; name: string }
  | { kind: 'system'; name?: string };
export type EmitCtx = Pick<Ctx, 'organisationId' | 'ip'> & { actor: EventActor; requestId?: string; log?: Ctx['log'] };

/**
 * A reaction to events, owned by the module that needs it (`<feature>.events.ts`) and run in the
 * worker. Delivery is at least once: `handle` must make its effect idempotent per event (e.g. key
 * what it writes by the event's _id), so the effect happens exactly once.
 */
export interface Subscriber {
  name: string;
  on: readonly string[];
  handle(event: DomainEvent, ctx: Pick<JobContext, 'log'>): Promise<void>;
}

export const defineSubscriber = (s: Subscriber): Subscriber => s;

const actorFields = (actor: EventActor) => {
  switch (actor.kind) {
    case 'user':
      return { kind: 'user' as const, id: actor.userId, label: actor.email };
    case 'apiKey':
      return { kind: 'apiKey' as const, id: actor.apiKeyId, label: `API key "${actor.name}"` };
    case 'system':
      return { kind: 'system' as const, id: null, label: actor.name ?? 'Pulse' };
  }
};

/**
 * The stored event as its first dispatch carries it (see emit's `carry`): everything a subscriber
 * reads but the request's ip, which stays out of Redis.
 */
const CarriedEvent = z.object({
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
  actor: z.object({ kind: z.enum(['user', 'apiKey', 'system']), id: z.string().nullable(), label: z.string() }),
  requestId: z.string().nullable(),
  at: z.iso.datetime(),
});

export const DispatchPayload = z.object({
  eventId: z.string(),
  organisationId: z.string(),
  event: CarriedEvent.optional(),
});

/** The dispatch job as producers see it (its handler lives in dispatch-event.job.ts). */
export const DISPATCH_EVENT: JobRef<z.infer<typeof DispatchPayload>> = {
  name: 'events.dispatch',
  queue: 'transactional',
  payload: DispatchPayload,
};

/**
 * Records that something happened, after the state change it describes, then asks the worker to
 * dispatch it. Only the ids travel through Redis, unless `carry` says the event names no person
 * (its data is ids and scores, its actor no user, and none of its type's subscribers reads the
 * ip): then the dispatch carries the event, and its first attempt need not read it back. If the
 * dispatch cannot be queued (Redis down, the process dies right here) nothing is lost: the
 * sweeper dispatches events left unsettled.
 */
export async function emit(
  ctx: EmitCtx,
  type: string,
  data: EventData = {},
  opts: { eventId?: Types.ObjectId; carry?: boolean } = {},
): Promise<{ eventId: string }> {
  const stored = {
    ...(opts.eventId ? { _id: opts.eventId } : {}),
    organisationId: ctx.organisationId,
    type,
    data,
    actor: actorFields(ctx.actor),
    ip: ctx.ip,
    requestId: ctx.requestId ?? null,
    at: new Date(),
  };
  // A derived id makes the emit itself idempotent: a second emit of the same fact finds the first
  // stored and only makes sure it is dispatched (from the stored event: it may be done already).
  let fresh = true;
  const event = await DomainEventModel.create(stored).catch((err: { code?: number }) => {
    if (err.code !== 11000 || !opts.eventId) throw err;
    fresh = false;
    return { _id: opts.eventId };
  });
  const eventId = String(event._id);
  const carried =
    opts.carry && fresh
      ? { type, data, actor: stored.actor, requestId: stored.requestId, at: stored.at.toISOString() }
      : undefined;
  try {
    await boundJobs().enqueue(
      DISPATCH_EVENT,
      { eventId, organisationId: ctx.organisationId, ...(carried && { event: carried }) },
      { jobId: `event-${eventId}` },
    );
  } catch (err) {
    ctx.log?.warn({ err, eventId, type }, 'event stored but not dispatched; the sweeper will');
  }
  return { eventId };
}
