import mongoose from 'mongoose';

import { DomainEventModel } from '../../../server/src/lib/events/event.model';
import { AuditEventModel } from '../../../server/src/modules/audit/audit-event.model';
import { inviteTeammate, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { killSpawned, spawnEntry, type Spawned } from '../../setup/processes';
import { until } from '../../setup/until';
import { AFTER_EFFECT, BEFORE_EFFECT, EFFECTS, GATE_KEY, reachedKey, runsKey } from './support/crash-probe';

// Two worker processes start and one is killed: a start took 60 s at load 45 on 2 cores.
jest.setTimeout(300_000);

const WORKER = 'tests/server/events/support/crash.worker.ts';
// A quick sweeper, so the restarted worker re-dispatches the unsettled event within a second.
const ENV = { EVENT_SWEEP_INTERVAL_MS: '300', EVENT_REDISPATCH_AFTER_MS: '500' };

let h: Harness;
const started: Spawned[] = [];
beforeAll(async () => (h = await startHarness()));
afterAll(async () => {
  for (const p of started) killSpawned(p);
  await h.close();
});

const startWorkerProcess = async () => {
  const worker = spawnEntry(WORKER, ENV, 'Pulse worker started');
  started.push(worker);
  await worker.started;
  return worker;
};

const effectsOf = (eventId: string) => mongoose.connection.collection(EFFECTS).find({ eventId }).toArray();

describe('a worker killed between a state change and its subscribers’ effects', () => {
  it('when SIGKILL lands while subscribers are mid-dispatch, then after a restart every effect happens exactly once', async () => {
    // The API process (this one) changes state and emits; only the worker processes dispatch.
    const owner = await signUpOwner(h.app);
    const first = await startWorkerProcess();
    const invitation = await inviteTeammate(owner, 'viewer');
    const event = await until(
      () => DomainEventModel.findOne({ organisationId: owner.organisationId, type: 'member.invited' }).lean(),
      Boolean,
    );
    const eventId = String(event!._id);

    // Both gated subscribers have started; the audit entry, their sibling, may already be written.
    await until(
      () => h.redis.smembers(reachedKey(eventId)),
      (reached) => reached.length === 2,
      60_000,
    );
    killSpawned(first);
    await first.exited;

    const atKill = await DomainEventModel.findOne({ _id: eventId, organisationId: owner.organisationId }).lean();
    expect(atKill!.settled).toBe(false);
    expect(atKill!.done).not.toContain(BEFORE_EFFECT);
    expect(atKill!.done).not.toContain(AFTER_EFFECT);
    expect((await effectsOf(eventId)).map((e) => e.subscriber)).toEqual([AFTER_EFFECT]);

    await h.redis.set(GATE_KEY, 'open');
    await startWorkerProcess();
    const settled = await until(
      () => DomainEventModel.findOne({ _id: eventId, organisationId: owner.organisationId }).lean(),
      (e) => e!.settled,
      60_000,
    );

    expect(settled!.settled).toBe(true);
    // Delivered at least twice (once to the killed worker, once after the restart)…
    expect(Number(await h.redis.get(runsKey(BEFORE_EFFECT, eventId)))).toBeGreaterThanOrEqual(2);
    expect(Number(await h.redis.get(runsKey(AFTER_EFFECT, eventId)))).toBeGreaterThanOrEqual(2);
    // …and every effect exactly once: one probe document per subscriber, one audit entry.
    expect((await effectsOf(eventId)).map((e) => e.subscriber).sort()).toEqual([AFTER_EFFECT, BEFORE_EFFECT].sort());
    const audit = await AuditEventModel.find({
      organisationId: owner.organisationId,
      action: 'member.invited',
    }).lean();
    expect(audit.map((a) => String(a._id))).toEqual([eventId]);
    expect(audit[0]!.target).toContain(invitation.email);
  });
});
