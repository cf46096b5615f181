import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { DomainEventModel } from '../../../server/src/lib/events/event.model';
import { CaseModel } from '../../../server/src/modules/cases/case.model';
import { SweepCaseStatus } from '../../../server/src/modules/cases/sweep-case-status.job';
import { signUpOwner, type Teammate } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  h.startWorker();
});
afterAll(() => h.close());

async function openCase() {
  const r = await answerAsContact(ctx, 2);
  return (await owner.agent.post('/api/v1/cases').send({ responseId: r.responseId }).expect(201)).body.case as {
    id: string;
  };
}
const statusEvents = (caseId: string) =>
  DomainEventModel.find({
    organisationId: owner.organisationId,
    type: 'case.status_changed',
    'data.caseId': caseId,
  }).lean();
const sweep = async () => h.jobFinished(await h.jobs.enqueue(SweepCaseStatus, { olderThanMs: 0 }));

describe('case.status_changed', () => {
  it('when a status moves, then it is announced once and the case is no longer pending', async () => {
    const c = await openCase();
    await owner.agent.post(`/api/v1/cases/${c.id}/status`).send({ from: 'new', status: 'open' }).expect(200);
    await sweep();
    const events = await statusEvents(c.id);
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ from: 'new', to: 'open', seq: 2 })]);
    expect(
      (await CaseModel.findOne({ _id: c.id, organisationId: owner.organisationId }).lean())!.statusPendingAt,
    ).toBeNull();
  });

  it('when the process died after the move was stored and before the emit, then the sweep announces it, once', async () => {
    const c = await openCase();
    // What the move's write leaves behind on its own: status, its logged entry, the pending marker.
    await CaseModel.updateOne(
      { _id: c.id, organisationId: owner.organisationId },
      {
        $set: { status: 'in_progress', statusPendingAt: new Date(Date.now() - 60_000) },
        $inc: { seq: 1 },
        $push: {
          timeline: { kind: 'status', at: new Date(), actor: 'Agent', from: 'new', to: 'in_progress', ref: 'status:2' },
        },
      },
    );
    expect(await statusEvents(c.id)).toEqual([]);
    await sweep();
    await sweep();
    await h.eventsSettled();
    const events = await statusEvents(c.id);
    expect(events.map((e) => e.data)).toEqual([expect.objectContaining({ from: 'new', to: 'in_progress', seq: 2 })]);
    expect(
      (await CaseModel.findOne({ _id: c.id, organisationId: owner.organisationId }).lean())!.statusPendingAt,
    ).toBeNull();
  });
});
