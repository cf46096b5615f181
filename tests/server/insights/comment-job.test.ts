import { once } from 'node:events';

import type { Job } from 'bullmq';
import { Types } from 'mongoose';

import { systemContext } from '../../../server/src/lib/context';
import { ProcessComment, RebuildCounters } from '../../../server/src/modules/insights/insights.jobs';
import { InsightCounterModel } from '../../../server/src/modules/insights/insights.model';
import { ResponseModel } from '../../../server/src/modules/responses/response.model';
import { recordScore } from '../../../server/src/modules/responses/responses.service';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let worker: ReturnType<Harness['startWorker']>;
beforeAll(async () => {
  h = await startHarness();
  worker = h.startWorker();
  await once(worker, 'ready');
});
afterAll(() => h.close());

/** A confirmed (or provisional) NPS response with a comment, written as the responses module writes it. */
async function answered(comment: string, { score = 2, confirm = true } = {}) {
  const organisationId = new Types.ObjectId().toHexString();
  const ctx = systemContext({ organisationId, log: h.log });
  const responseId = new Types.ObjectId();
  await recordScore(
    ctx,
    {
      responseId,
      survey: { id: new Types.ObjectId().toHexString(), version: 1, kind: 'nps', scale: { min: 0, max: 10 } },
      touchpointId: new Types.ObjectId().toHexString(),
      touchpointKey: 'delivery',
      channel: 'email',
      invitationId: null,
      contactId: null,
      language: 'fr-FR',
    },
    { score, confirm, changeWindowMs: 60_000 },
  );
  await ResponseModel.updateOne({ _id: responseId, organisationId }, { $set: { comment } });
  return { organisationId, responseId: responseId.toHexString() };
}

const terms = async (organisationId: string) =>
  (await InsightCounterModel.find({ organisationId }).lean())
    .filter((c) => c.mentions > 0)
    .map((c) => c.term)
    .sort();

async function run(enqueue: () => Promise<Job>) {
  const done = new Promise<void>((resolve, reject) => {
    const onDone = (job: Job | undefined, err?: Error) => {
      if (job?.id !== jobId) return;
      worker.off('completed', onDone).off('failed', onDone);
      if (err) reject(err);
      else resolve();
    };
    worker.on('completed', onDone).on('failed', onDone);
  });
  const jobId = (await enqueue()).id;
  await done;
}

describe('the insights.comment job', () => {
  test('when a confirmed response has a comment, then the worker counts its terms by the survey locale', async () => {
    const r = await answered('Le colis est arrivé en retard.');
    await run(() => h.jobs.enqueue(ProcessComment, r));
    expect(await terms(r.organisationId)).toEqual(['colis', 'colis+retard']);
    const [colis] = await InsightCounterModel.find({ organisationId: r.organisationId, term: 'colis' }).lean();
    expect(colis).toMatchObject({ language: 'fr', mentions: 1, bands: { detractor: 1 } });

    // Run again (a retry or a duplicate event): nothing doubles.
    await run(() => h.jobs.enqueue(ProcessComment, r));
    expect(
      (await InsightCounterModel.findOne({ _id: colis!._id, organisationId: r.organisationId }).lean())!.mentions,
    ).toBe(1);

    await run(() => h.jobs.enqueue(RebuildCounters, { organisationId: r.organisationId }));
    expect(await terms(r.organisationId)).toEqual(['colis', 'colis+retard']);
  });

  test('a provisional answer (a GET, maybe a scanner) is not counted', async () => {
    const r = await answered('Le colis est arrivé en retard.', { confirm: false });
    await run(() => h.jobs.enqueue(ProcessComment, r));
    expect(await terms(r.organisationId)).toEqual([]);
  });

  test('a payload that is not ids is refused before it reaches Redis', async () => {
    await expect(h.jobs.enqueue(ProcessComment, { organisationId: 'x', responseId: 'y' })).rejects.toThrow(
      /not an id/u,
    );
  });
});
