import { Types } from 'mongoose';

import { systemContext } from '../../../server/src/lib/context';
import { DomainEventModel, type DomainEvent } from '../../../server/src/lib/events/event.model';
import { defineSubscriber, emit } from '../../../server/src/lib/events/events';
import { startHarness, type Harness } from '../../setup/harness';
import { until } from '../../setup/until';

// Three quick attempts instead of eight over four minutes.
let h: Harness;
beforeAll(
  async () => (h = await startHarness({}, { jobOptions: { attempts: 3, backoff: { type: 'fixed', delay: 20 } } })),
);
afterAll(() => h.close());

/** Per event: how often each subscriber ran, and what the event said was done when the thrower retried. */
const runs = new Map<string, string[]>();
const doneWhenRetried = new Map<string, string[]>();
const seen = new Map<string, DomainEvent>();
const ran = (eventId: string, name: string) => runs.set(eventId, [...(runs.get(eventId) ?? []), name]);
const count = (eventId: string, name: string) => (runs.get(eventId) ?? []).filter((n) => n === name).length;

const throwsTwice = defineSubscriber({
  name: 'test.throws-twice',
  on: ['test.happened'],
  async handle(event) {
    const eventId = String(event._id);
    ran(eventId, 'test.throws-twice');
    if (count(eventId, 'test.throws-twice') === 2) doneWhenRetried.set(eventId, [...event.done]);
    if (count(eventId, 'test.throws-twice') <= 2) throw new Error('not today');
  },
});
const steady = defineSubscriber({
  name: 'test.steady',
  on: ['test.happened'],
  async handle(event) {
    ran(String(event._id), 'test.steady');
    seen.set(String(event._id), { ...event });
  },
});
const alwaysThrows = defineSubscriber({
  name: 'test.always-throws',
  on: ['test.doomed'],
  async handle() {
    throw new Error('never works');
  },
});
const steadyToo = defineSubscriber({
  name: 'test.steady-too',
  on: ['test.doomed'],
  async handle(event) {
    ran(String(event._id), 'test.steady-too');
  },
});

beforeAll(() =>
  h.startWorker({ modules: [{ name: 'test', subscribers: [throwsTwice, steady, alwaysThrows, steadyToo] }] }),
);

const ctx = () => systemContext({ organisationId: String(new Types.ObjectId()), log: h.log });
const eventOf = (organisationId: string, eventId: string) =>
  DomainEventModel.findOne({ _id: eventId, organisationId }).lean();

describe('subscribers that throw', () => {
  it('when one subscriber throws, then the others are done at once, and it alone is retried until it succeeds', async () => {
    const c = ctx();
    const { eventId } = await emit(c, 'test.happened');
    const settled = await until(
      () => eventOf(c.organisationId, eventId),
      (e) => e!.settled,
    );

    expect(count(eventId, 'test.throws-twice')).toBe(3);
    // The sibling ran once: retries of the event skip a subscriber already done.
    expect(count(eventId, 'test.steady')).toBe(1);
    expect(doneWhenRetried.get(eventId)).toEqual(['test.steady']);
    expect([...settled!.done].sort()).toEqual(['test.steady', 'test.throws-twice']);
    expect(settled!.failures).toEqual({});
  });

  it('when an event is carried by its dispatch, then subscribers see it as stored (but the ip, kept out of Redis) and a retry still skips the ones done', async () => {
    const c = { ...ctx(), ip: '203.0.113.9', requestId: 'req-carried' };
    const { eventId } = await emit(c, 'test.happened', { target: 'x', seq: 2 }, { carry: true });
    const job = (await h.jobs.queues.transactional.getJob(`event-${eventId}`))!;
    expect(job.data.event).toMatchObject({ type: 'test.happened', data: { target: 'x', seq: 2 } });
    expect(JSON.stringify(job.data)).not.toContain('203.0.113.9');
    const settled = await until(
      () => eventOf(c.organisationId, eventId),
      (e) => e!.settled,
    );

    expect(seen.get(eventId)).toMatchObject({
      type: 'test.happened',
      data: { target: 'x', seq: 2 },
      actor: { kind: 'system', label: 'Pulse' },
      requestId: 'req-carried',
      at: settled!.at,
      // Ran from the payload, not read back: the ip is the one thing it does not carry.
      ip: null,
    });
    expect(count(eventId, 'test.throws-twice')).toBe(3);
    expect(count(eventId, 'test.steady')).toBe(1);
    expect(doneWhenRetried.get(eventId)).toEqual(['test.steady']);
    expect(settled).toMatchObject({ ip: '203.0.113.9', failures: {} });
  });

  it('when a subscriber fails every attempt, then its siblings’ effects stand and the event stays unsettled with its error for the sweeper', async () => {
    const c = ctx();
    const { eventId } = await emit(c, 'test.doomed');
    const job = (await h.jobs.queues.transactional.getJob(`event-${eventId}`))!;
    await expect(h.jobFinished(job)).rejects.toThrow(/test.always-throws: Error: never works/);

    const event = await eventOf(c.organisationId, eventId);
    expect(count(eventId, 'test.steady-too')).toBe(1);
    expect(event).toMatchObject({ settled: false, done: ['test.steady-too'] });
    expect(event!.failures).toEqual({ 'test:always-throws': 'Error: never works' });
  });
});
