import { Types } from 'mongoose';

import { DomainEventModel } from '../../../server/src/lib/events/event.model';
import { ResponseModel } from '../../../server/src/modules/responses/response.model';
import { SweepResponseEvents } from '../../../server/src/modules/responses/sweep-response-events.job';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

const org = new Types.ObjectId().toHexString();

/**
 * A response exactly as `recordScore` leaves it when the process dies between the write and the
 * publish: its change is on the document as a pending event, and no domain event exists.
 */
async function writtenButNotPublished(updatedAt: Date) {
  const _id = new Types.ObjectId();
  const now = new Date();
  await ResponseModel.collection.insertOne({
    _id,
    organisationId: new Types.ObjectId(org),
    surveyId: new Types.ObjectId(),
    surveyVersion: 1,
    kind: 'nps',
    touchpointId: new Types.ObjectId(),
    touchpointKey: 'delivery',
    channel: 'email',
    invitationId: _id,
    contactId: null,
    contactAttributes: {},
    hidden: {},
    language: 'en',
    score: 9,
    band: 'promoter',
    state: 'confirmed',
    answers: [],
    comment: null,
    startedAt: now,
    answeredAt: now,
    confirmedAt: now,
    completedAt: null,
    seq: 1,
    pendingEvents: [
      { seq: 1, type: 'response.created', oldScore: null, newScore: 9, wasConfirmed: false, confirmed: true, at: now },
    ],
    createdAt: updatedAt,
    updatedAt,
  });
  return String(_id);
}

const eventsOf = async (responseId: string) =>
  (await DomainEventModel.find({ organisationId: org }).lean()).filter(
    (e) => (e.data as { responseId?: string }).responseId === responseId,
  );

async function sweep(olderThanMs: number) {
  const job = await h.jobs.enqueue(SweepResponseEvents, { olderThanMs });
  await h.jobFinished(job);
}

describe('sweeping pending response events', () => {
  it('when a response was written with pending events and never published, then the sweep publishes them once and clears them', async () => {
    const id = await writtenButNotPublished(new Date(Date.now() - 120_000));
    expect(await eventsOf(id)).toHaveLength(0);

    await sweep(60_000);

    const events = await eventsOf(id);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      [
        'response.created',
        expect.objectContaining({ responseId: id, seq: 1, oldScore: null, newScore: 9, confirmed: true }),
      ],
    ]);
    const stored = await ResponseModel.findOne({ organisationId: org, _id: id }).lean();
    expect(stored!.pendingEvents).toEqual([]);

    // A second sweep finds nothing left to publish.
    await sweep(0);
    expect(await eventsOf(id)).toHaveLength(1);
  });

  it('when a response changed only a moment ago, then the sweep leaves it to the request still publishing it', async () => {
    const id = await writtenButNotPublished(new Date());
    await sweep(60_000);
    expect(await eventsOf(id)).toHaveLength(0);
    const stored = await ResponseModel.findOne({ organisationId: org, _id: id }).lean();
    expect(stored!.pendingEvents).toHaveLength(1);
  });
});
