import mongoose, { Types } from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';

import type { Config } from '../../server/src/config';
import { systemContext } from '../../server/src/lib/context';
import { startJobWorkers } from '../../server/src/lib/jobs';
import type { Logger } from '../../server/src/lib/logger';
import { createMailer } from '../../server/src/lib/mailer';
import { createRedis } from '../../server/src/lib/redis';
import { bindLivePublisher } from '../../server/src/modules/analytics/analytics.live';
import { loadDays, loadSeries } from '../../server/src/modules/analytics/rollups.read';
import { workerJobs } from '../../server/src/registry';
import { buildContact, buildTouchpoint } from '../factories/distribution';
import { buildInvitation } from '../factories/responses';
import { buildSurvey } from '../factories/surveys';
import { printNote, printRow, runBounded, summarise } from './stats';

const COUNT = 200;
const IN_FLIGHT = 4;
const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);

/** Counts every command (and the writes among them) the driver sends while it listens. */
function commandCounter() {
  const client = mongoose.connection.getClient();
  const byCommand = new Map<string, number>();
  const listener = (e: CommandStartedEvent) => {
    const collection = String((e.command as Record<string, unknown>)[e.commandName] ?? '');
    const key = `${e.commandName} ${collection}`;
    byCommand.set(key, (byCommand.get(key) ?? 0) + 1);
  };
  client.on('commandStarted', listener);
  return {
    take() {
      const out = [...byCommand];
      byCommand.clear();
      return out;
    },
    stop: () => client.off('commandStarted', listener),
  };
}

/**
 * 8. Accepting a response over HTTP — the respondent page's confirmation (`POST /r/:token/confirm`:
 * validation, storage, the response event) until the worker's subscriber has moved the rollup —
 * against a bare driver loop doing the same database writes, in the same run and database.
 */
export async function benchAcceptResponse(baseUrl: string, config: Config, log: Logger, organisationId: string) {
  const survey = await buildSurvey({ org: organisationId });
  const touchpoint = await buildTouchpoint({ org: organisationId, rules: { surveyId: survey.id } });
  const contact = await buildContact({ org: organisationId });
  const invitations: Awaited<ReturnType<typeof buildInvitation>>[] = [];
  for (let i = 0; i < COUNT; i++)
    invitations.push(
      await buildInvitation({ org: organisationId, secretKey: config.SECRET_KEY, survey, touchpoint, contact }),
    );

  const connection = createRedis(config.REDIS_URL, 'worker');
  bindLivePublisher(connection);
  const mailer = createMailer(config.SMTP_URL);
  const workers = startJobWorkers({ connection, log, services: { mailer }, concurrency: 4, jobs: workerJobs() });
  const ctx = systemContext({ organisationId, log });
  const counted = async () => {
    const days = await loadDays(ctx, await loadSeries(ctx), [new Date().toISOString().slice(0, 7)]);
    return days.reduce((n, d) => n + Object.values(d.counts).reduce((a, b) => a + b, 0), 0);
  };
  const counter = commandCounter();
  try {
    counter.take();
    const started = performance.now();
    const http = await runBounded(COUNT, IN_FLIGHT, async (i) => {
      const res = await fetch(`${baseUrl}/r/${invitations[i]!.token}/confirm`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ score: i % 11 }),
      });
      if (res.status !== 200) throw new Error(`confirm answered ${res.status}: ${await res.text()}`);
    });
    while ((await counted()) < COUNT) await new Promise((r) => setTimeout(r, 20));
    const endToEndMs = performance.now() - started;
    const commands = counter.take();
    const total = commands.reduce((n, [, c]) => n + c, 0);
    const writes = commands.filter(([k]) => WRITES.has(k.split(' ')[0]!));
    const writeCount = writes.reduce((n, [, c]) => n + c, 0);
    printRow(summarise('POST /r/:token/confirm (HTTP latency)', http.samplesMs, http.elapsedMs));
    const httpRate = (COUNT / endToEndMs) * 1000;
    printNote(
      `accepted and counted in the rollup: ${httpRate.toFixed(1)} responses/s end to end; ` +
        `${(total / COUNT).toFixed(1)} database commands per response, ${(writeCount / COUNT).toFixed(1)} of them writes`,
    );
    printNote(
      `writes per response: ${writes
        .sort((a, b) => b[1] - a[1])
        .map(([k, c]) => `${k} ${(c / COUNT).toFixed(1)}`)
        .join(', ')}`,
    );

    // The bare loop: the same writes per response, into collections of the same database, straight through the driver.
    const db = mongoose.connection.db!;
    const bare = {
      responses: db.collection('bench_bare_responses'),
      events: db.collection('bench_bare_events'),
      invitations: db.collection('bench_bare_invitations'),
      ledgers: db.collection('bench_bare_rollup_ledgers'),
      rollups: db.collection('bench_bare_rollups'),
    };
    await bare.invitations.insertMany(invitations.map((inv) => ({ _id: new Types.ObjectId(inv.id), state: 'sent' })));
    const perResponse = Math.max(1, Math.round(writeCount / COUNT));
    const driver = await runBounded(COUNT, IN_FLIGHT, async (i) => {
      const id = new Types.ObjectId(invitations[i]!.id);
      const ops: Array<() => Promise<unknown>> = [
        () =>
          bare.responses.insertOne({
            _id: id,
            organisationId,
            score: i % 11,
            state: 'confirmed',
            seq: 1,
            pendingEvents: [{ seq: 1 }],
          }),
        () =>
          bare.events.insertOne({
            organisationId,
            type: 'response.created',
            data: { responseId: String(id) },
            done: [],
          }),
        () => bare.invitations.updateOne({ _id: id }, { $set: { state: 'responded' } }),
        () => bare.responses.updateOne({ _id: id, seq: 1 }, { $set: { pendingEvents: [] } }),
        () =>
          bare.ledgers.updateOne(
            { _id: `${organisationId}|bench|${new Date().toISOString().slice(0, 7)}` as unknown as Types.ObjectId },
            { $set: { [`days.01.${i % 11}`]: i, [`applied.${String(id)}`]: [1, i % 11] }, $inc: { v: 1 } },
            { upsert: true },
          ),
        () =>
          bare.rollups.replaceOne(
            { _id: `${organisationId}|bench|${new Date().toISOString().slice(0, 7)}` as unknown as Types.ObjectId },
            { days: { '01': { [i % 11]: i } }, v: i },
            { upsert: true },
          ),
        () => bare.responses.updateOne({ _id: id }, { $set: { timeline: 1 } }),
        () => bare.events.updateOne({ 'data.responseId': String(id) }, { $addToSet: { done: 'analytics.rollup' } }),
        () => bare.events.updateOne({ 'data.responseId': String(id) }, { $set: { settled: true } }),
      ];
      // As many writes as the HTTP path made per response: the list above repeated or cut to fit.
      for (let k = 0; k < perResponse; k++) await ops[k % ops.length]!();
    });
    const driverRate = (COUNT / driver.elapsedMs) * 1000;
    printRow(summarise(`bare driver loop, ${perResponse} writes per response`, driver.samplesMs, driver.elapsedMs));
    printNote(
      `HTTP end to end ÷ bare driver loop: ${((httpRate / driverRate) * 100).toFixed(0)}% of its throughput (target ≥ 70%)`,
    );
    await Promise.all(Object.values(bare).map((c) => c.drop().catch(() => undefined)));
  } finally {
    counter.stop();
    await workers.close();
    mailer.close();
    await connection.quit();
  }
}
