import mongoose from 'mongoose';

// Query filters never carry operators smuggled in through user input ({"$ne": null}), and
// unknown filter fields fail instead of silently matching everything.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', 'throw');
// Indexes are created by an explicit step (syncIndexes), never implicitly at model compile time.
mongoose.set('autoIndex', false);
mongoose.set('autoCreate', false);

/** `monitorCommands` lets a benchmark count the documents each request reads. */
export async function connectDb(uri: string, options: { monitorCommands?: boolean } = {}): Promise<typeof mongoose> {
  return mongoose.connect(uri, { serverSelectionTimeoutMS: 5_000, maxPoolSize: 20, ...options });
}

/** Creates every registered model's collection and indexes; run at boot and by tests. */
export async function syncIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    await model.createCollection().catch((err: { codeName?: string }) => {
      if (err.codeName !== 'NamespaceExists') throw err;
    });
    await model.syncIndexes();
  }
}

export async function pingDb(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) throw new Error('MongoDB is not connected');
  await db.admin().ping();
}

export async function disconnectDb(): Promise<void> {
  await mongoose.disconnect();
}
