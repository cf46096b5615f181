import { defineJob, type JobDef } from '../jobs';
import { DomainEventModel } from './event.model';
import { DISPATCH_EVENT, type Subscriber } from './events';

/**
 * Runs every subscriber of one event that has not done it yet, side by side: one that throws is
 * recorded and retried with the job (backoff from DEFAULT_JOB_OPTIONS) and never keeps the others
 * from running; the next attempt runs only the subscribers not yet done. The event is settled
 * once all are done. The job name and payload are in
 * events.ts, where producers see them.
 */
/** Subscriber names are dotted (`audit.record`); a dot in a field path would nest the error a level deeper. */
export const failureField = (subscriber: string) => `failures.${subscriber.replaceAll('.', ':')}`;

export const dispatchEventJob = (subscribers: Subscriber[]): JobDef<{ eventId: string; organisationId: string }> =>
  defineJob({
    ...DISPATCH_EVENT,
    async run({ eventId, organisationId }, { log }) {
      const event = await DomainEventModel.findOne({ _id: eventId, organisationId }).lean();
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
