import mongoose from 'mongoose';

/**
 * Loaded into the webhooks bench's worker process (`node --import`): counts the database commands
 * the worker sends, by name and collection, and answers the bench's `probe` messages with those counts and the
 * process's CPU time, so the bench reports commands and CPU-ms per response and per delivery —
 * figures a loaded machine does not move the way it moves latencies.
 */
const counts: Record<string, number> = {};
const connect = mongoose.connect.bind(mongoose);
mongoose.connect = (async (uri: string, options: mongoose.ConnectOptions = {}) => {
  const connected = await connect(uri, { ...options, monitorCommands: true });
  connected.connection.getClient().on('commandStarted', (e) => {
    const collection = e.command[e.commandName];
    const key = typeof collection === 'string' ? `${e.commandName} ${collection}` : e.commandName;
    counts[key] = (counts[key] ?? 0) + 1;
  });
  return connected;
}) as typeof mongoose.connect;

process.on('message', (m: { probe?: number }) => {
  if (m.probe === undefined) return;
  const cpu = process.cpuUsage();
  process.send?.({ probe: m.probe, counts: { ...counts }, cpuMs: (cpu.user + cpu.system) / 1000 });
});
