import { defineJob, type JobDef } from '../jobs';
import { DomainEventModel } from './event.model';
import { DISPATCH_EVENT, type Subscriber } from './events';

/**
 * Runs every subscriber of one event that has not done it yet, side by side: one that throws is
 * recorded and retried with the job (backoff from DEFAULT_JOB_OPTIONS) and never keeps the others
 * from running. The event is settled once all are done. The job name and payload are in
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
      const where = { _id: event._id, organisationId };
      const results = await Promise.allSettled(
        due.map(async (s) => {
          try {
            await s.handle(event, { log: log.child({ subscriber: s.name, eventId }) });
          } catch (err) {
            await DomainEventModel.updateOne(where, { $set: { [failureField(s.name)]: String(err) } });
            throw err;
          }
          await DomainEventModel.updateOne(where, {
            $addToSet: { done: s.name },
            $unset: { [failureField(s.name)]: 1 },
          });
        }),
      );
      const failed = results.flatMap((r, i) =>
        r.status === 'rejected' ? [`${due[i]!.name}: ${String(r.reason)}`] : [],
      );
      if (failed.length > 0) throw new Error(`subscribers failed: ${failed.join('; ')}`);
      await DomainEventModel.updateOne(where, { $set: { settled: true } });
    },
  });
