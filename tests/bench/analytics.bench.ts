import mongoose, { Types } from 'mongoose';
import { BSON, type CommandSucceededEvent } from 'mongodb';

import { figureOf } from '@pulse/shared/metrics/figures';
import { mergeCounts } from '@pulse/shared/metrics/histogram';
import { bucketOfDay, localDay } from '@pulse/shared/metrics/time-buckets';

import { systemContext } from '../../server/src/lib/context';
import type { Logger } from '../../server/src/lib/logger';
import { trend } from '../../server/src/modules/analytics/analytics.service';
import { seedRollups } from '../../server/src/modules/analytics/rollups.rebuild';
import { OrganisationModel } from '../../server/src/modules/organisations/organisation.model';
import { demoObservations } from '../../scripts/lib/analytics-demo';
import { printNote, printRow, runBounded, summarise } from './stats';

const ZONE = 'Europe/Paris';
const END = new Date('2026-11-30T12:00:00Z');
const REQUESTS = 30;
const RAW_REQUESTS = 5;
/**
 * Loading 200,000 raw answers into FerretDB takes over ten minutes on a busy 2-core machine, so the
 * query-time comparison runs at 10,000 unless BENCH_RAW_FULL=1 asks for both sizes.
 */
const rawAt = (count: number) => count === 10_000 || process.env.BENCH_RAW_FULL === '1';

/** Counts the documents the driver receives (find and getMore batches) while `op` runs. */
function documentCounter() {
  const client = mongoose.connection.getClient();
  let docs = 0;
  let commands = 0;
  let bytes = 0;
  const listener = (e: CommandSucceededEvent) => {
    const cursor = (e.reply as { cursor?: { firstBatch?: unknown[]; nextBatch?: unknown[] } }).cursor;
    if (!cursor) return;
    commands++;
    docs += (cursor.firstBatch ?? cursor.nextBatch ?? []).length;
    bytes += BSON.calculateObjectSize(e.reply as BSON.Document);
  };
  client.on('commandSucceeded', listener);
  return {
    take() {
      const out = { docs, commands, bytes };
      docs = 0;
      commands = 0;
      bytes = 0;
      return out;
    },
    stop: () => client.off('commandSucceeded', listener),
  };
}

/**
 * 6. Analytics: the documents one 12-month trend (all touchpoints and channels, by month) reads
 * and its latency at 10,000 and at 200,000 answers, next to the same trend computed from the raw
 * answers at query time. The service call is measured (the HTTP layer is section 1's figure).
 */
export async function benchAnalytics(log: Logger): Promise<void> {
  const counter = documentCounter();
  const raw = mongoose.connection.db!.collection('bench_raw_responses');
  try {
    for (const count of [10_000, 200_000]) {
      const org = await OrganisationModel.create({ name: `Bench ${count}`, senderName: 'Bench', timeZone: ZONE });
      const ctx = systemContext({ organisationId: String(org._id), log });
      const observations = demoObservations({ count, end: END, surveyId: 'bench-nps', idPrefix: `b${count}` });

      const loadStarted = performance.now();
      const documents = await seedRollups(ctx, observations, ZONE);
      const rollupMs = performance.now() - loadStarted;
      for (let i = 0; rawAt(count) && i < observations.length; i += 1_000) {
        await raw.insertMany(
          observations.slice(i, i + 1_000).map((o) => ({ ...o, _id: new Types.ObjectId(), organisationId: org._id })),
        );
      }
      printNote(
        `${count.toLocaleString('en')} answers: ${documents} rollup documents written in ${(rollupMs / 1000).toFixed(1)} s` +
          (rawAt(count)
            ? `, raw answers in ${((performance.now() - loadStarted - rollupMs) / 1000).toFixed(1)} s`
            : ''),
      );

      const query = { kind: 'nps' as const, from: '2025-12-01', to: '2026-11-30', granularity: 'month' as const };
      counter.take();
      const fromRollups = await runBounded(REQUESTS, 1, () => trend(ctx, query));
      const reads = counter.take();
      const rollupFigures = summarise(
        `trend from rollups, ${count.toLocaleString('en')} answers`,
        fromRollups.samplesMs,
        fromRollups.elapsedMs,
      );
      printRow(rollupFigures);
      printNote(
        `documents read per trend request: ${reads.docs / REQUESTS} (${reads.commands / REQUESTS} find/getMore, ` +
          `${(reads.bytes / REQUESTS / 1024).toFixed(1)} KiB of replies)`,
      );

      // What the database holds in the documents a trend reads (FerretDB loads them whole before
      // projecting), next to the per-answer ledgers the write path keeps apart.
      const storedKiB = async (collection: string) =>
        (await mongoose.connection.db!.collection(collection).find({ organisationId: org._id }).toArray()).reduce(
          (n, d) => n + BSON.calculateObjectSize(d),
          0,
        ) / 1024;
      const [rollupKiB, ledgerKiB] = [
        await storedKiB('analytics_rollups'),
        await storedKiB('analytics_rollup_ledgers'),
      ];
      counter.take();
      printNote(
        `stored: rollup documents ${rollupKiB.toFixed(0)} KiB (what a trend reads), ledgers ${ledgerKiB.toFixed(0)} KiB (write path only)`,
      );

      if (!rawAt(count)) continue;
      const fromRaw = await runBounded(RAW_REQUESTS, 1, () => rawTrend(raw, org._id));
      const rawReads = counter.take();
      const rawFigures = summarise(
        `same trend from raw answers, ${count.toLocaleString('en')}`,
        fromRaw.samplesMs,
        fromRaw.elapsedMs,
      );
      printRow(rawFigures);
      printNote(
        `raw: ${rawReads.docs / RAW_REQUESTS} documents read per request; raw ÷ rollups: ` +
          `${(rawFigures.p50Ms / rollupFigures.p50Ms).toFixed(0)}× at p50, ${(rawFigures.p95Ms / rollupFigures.p95Ms).toFixed(0)}× at p95`,
      );
    }
  } finally {
    counter.stop();
    await raw.drop().catch(() => undefined);
  }
}

/** The query-time alternative: read every answer of the year and bucket it in TypeScript. */
async function rawTrend(
  raw: ReturnType<NonNullable<typeof mongoose.connection.db>['collection']>,
  organisationId: Types.ObjectId,
) {
  const byMonth = new Map<string, Record<string, number>>();
  const cursor = raw.find(
    {
      organisationId,
      answeredAt: { $gte: new Date('2025-11-30T23:00:00Z'), $lt: new Date('2026-11-30T23:00:00Z') },
      confirmed: true,
    },
    { projection: { answeredAt: 1, score: 1 }, batchSize: 5_000 },
  );
  for await (const doc of cursor) {
    const month = bucketOfDay(localDay(doc.answeredAt as Date, ZONE), 'month');
    byMonth.set(month, mergeCounts(byMonth.get(month) ?? {}, { [doc.score as number]: 1 }));
  }
  return [...byMonth].map(([month, counts]) => ({ month, figure: figureOf('nps', { min: 0, max: 10 }, counts) }));
}
