import { Types } from 'mongoose';
import type { z } from 'zod';

import { defineJob, type JobDef } from '../jobs';
import { findOwnedById } from '../tenant';
import { DomainEventModel, type DomainEvent } from './event.model';
import { DISPATCH_EVENT, type DispatchPayload, type Subscriber } from './events';

/**
 * Runs every subscriber of one event that has not done it yet, side by side: one that throws is
 * recorded and retried with the job (backoff from DEFAULT_JOB_OPTIONS) and never keeps the others
 * from running; the next attempt runs only the subscribers not yet done. The event is settled
 * once all are done. The job name and payload are in
 * events.ts, where producers see them.
 */
/** Subscriber names are dotted (`audit.record`); a dot in a field path would nest the error a level deeper. */
export const failureField = (subscriber: string) => `failures.${subscriber.replaceAll('.', ':')}`;

export const dispatchEventJob = (subscribers: Subscriber[]): JobDef<z.infer<typeof DispatchPayload>> =>
  defineJob({
    ...DISPATCH_EVENT,
    async run({ eventId, organisationId, event: carried }, { log, job }) {
      // A first attempt that carries its event runs from it: nothing is done yet (a redelivery
      // after a crash runs them all again, which idempotent subscribers allow). A retry, or a
      // sweep, reads what is done; by `_id` alone, the read FerretDB does not scan for.
      const event =
        carried && job.attemptsMade === 0
          ? fromPayload(eventId, organisationId, carried)
          : await findOwnedById<DomainEvent>(DomainEventModel as never, organisationId, eventId);
      if (!event || event.settled) return;
      const due = subscribers.filter((s) => s.on.includes(event.type) && !event.done.includes(s.name));
      const results = await Promise.allSettled(
        due.map((s) => s.handle(event, { log: log.child({ subscriber: s.name, eventId }) })),
      );
      const done = due.filter((_, i) => results[i]!.status === 'fulfilled').map((s) => s.name);
      const failures = due.flatMap((s, i) => {
        const r = results[i]!;
        return r.status === 'rejected' ? [[s.name, String(r.reason)] as const] : [];
      });
      // One write for the whole attempt: concurrent updates of one document can lose each other on
      // the dev database, which would forget a subscriber that did its work and run it again.
      await DomainEventModel.updateOne(
        { _id: event._id, organisationId },
        {
          ...(done.length > 0 ? { $addToSet: { done: { $each: done } } } : {}),
          $set: {
            ...Object.fromEntries(failures.map(([name, error]) => [failureField(name), error])),
            ...(failures.length === 0 ? { settled: true } : {}),
          },
          ...(done.length > 0 ? { $unset: Object.fromEntries(done.map((name) => [failureField(name), 1])) } : {}),
        },
      );
      if (failures.length > 0)
        throw new Error(`subscribers failed: ${failures.map(([name, error]) => `${name}: ${error}`).join('; ')}`);
    },
  });

/** The event as stored, from what its dispatch carried (the ip stays in the database). */
const fromPayload = (
  eventId: string,
  organisationId: string,
  carried: NonNullable<z.infer<typeof DispatchPayload>['event']>,
): DomainEvent => ({
  _id: new Types.ObjectId(eventId),
  organisationId: new Types.ObjectId(organisationId),
  ...carried,
  at: new Date(carried.at),
  ip: null,
  done: [],
  settled: false,
  failures: {},
});
