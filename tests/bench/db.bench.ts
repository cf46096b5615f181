import mongoose from 'mongoose';

import { printNote, printRow, runBounded, summarise } from './stats';

const DOCS = 2_000;
const OPS = 200;

/**
 * 5. FerretDB's cost model, measured: what a lookup or update by _id costs next to a filter on any
 * other field, with and without an index on it. The scratch collection goes through the driver,
 * not a model, so the figures are the database's and not mongoose's.
 */
export async function benchDb(): Promise<void> {
  const collection = mongoose.connection.db!.collection('bench_scratch');
  await collection.drop().catch(() => undefined);

  const docs = Array.from({ length: DOCS }, (_, i) => ({
    _id: new mongoose.Types.ObjectId(),
    seq: i,
    email: `person-${i}@example.test`,
    score: i % 11,
    tags: ['bench', `group-${i % 20}`],
    createdAt: new Date(),
  }));
  const insert = await runBounded(DOCS / 100, 1, (batch) =>
    collection.insertMany(docs.slice(batch * 100, batch * 100 + 100)),
  );
  printRow(summarise(`insertMany, ${DOCS} docs in batches of 100`, insert.samplesMs, insert.elapsedMs));

  // A stride through the collection, so every run reads the same spread of documents.
  const pick = (i: number) => docs[(i * 37) % DOCS];
  const measure = async (name: string, op: (i: number) => Promise<unknown>) => {
    const run = await runBounded(OPS, 1, async (i) => {
      if (!(await op(i))) throw new Error(`${name}: nothing matched`);
    });
    const figures = summarise(`${name}, ${DOCS} docs`, run.samplesMs, run.elapsedMs);
    printRow(figures);
    return figures.meanMs;
  };
  const byId = await measure('findOne by _id', (i) => collection.findOne({ _id: pick(i)._id }));
  const update = await measure('updateOne by _id ($inc)', (i) =>
    collection.updateOne({ _id: pick(i)._id }, { $inc: { score: 1 } }).then((r) => r.matchedCount),
  );
  const scan = await measure('findOne by email (not _id, no index)', (i) =>
    collection.findOne({ email: pick(i).email }),
  );
  // Whether a secondary index changes the picture on this backend.
  await collection.createIndex({ email: 1 });
  const indexed = await measure('findOne by email (not _id, indexed)', (i) =>
    collection.findOne({ email: pick(i).email }),
  );

  const times = (n: number) => `${n.toFixed(2)} (${(n / byId).toFixed(1)}× _id)`;
  printNote(
    `ms/op: findById ${byId.toFixed(2)}, updateOne by _id ${times(update)}, ` +
      `find by other field ${times(scan)}, same field indexed ${times(indexed)}`,
  );
  await collection.drop();
}
