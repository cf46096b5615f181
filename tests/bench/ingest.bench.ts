import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';

import { Redis } from 'ioredis';
import mongoose, { Types } from 'mongoose';
import { MongoClient, type CommandStartedEvent } from 'mongodb';

import type { Config } from '../../server/src/config';
import { startJobWorkers, type AnyJobDef } from '../../server/src/lib/jobs';
import type { Logger } from '../../server/src/lib/logger';
import { createMailer } from '../../server/src/lib/mailer';
import { createRedis } from '../../server/src/lib/redis';
import { bindLivePublisher } from '../../server/src/modules/analytics/analytics.live';
import { workerJobs } from '../../server/src/registry';
import { buildContact, buildTouchpoint } from '../factories/distribution';
import { buildInvitation } from '../factories/responses';
import { buildSurvey } from '../factories/surveys';
import { printNote, printRow, runBounded, summarise } from './stats';

const COUNT = 200;
const IN_FLIGHT = 4;
/** What the product writes per accepted response (the bench prints both, so a drift shows). */
const BARE_WRITES = 8;
const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);
const isWrite = (key: string) => WRITES.has(key.split(' ')[1]!);

/**
 * CPU spent by this process (API, worker and the load generator share it), by the FerretDB this
 * run started (its child) and by the Redis server (shared with whoever else uses it).
 */
function cpuMeter(redisUrl: string) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const ferretPid = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .find((pid) => {
      const stat = procStat(pid);
      return stat !== null && stat.ppid === process.pid && stat.comm.includes('ferretdb');
    });
  const ferretMs = () => (ferretPid ? (procStat(ferretPid)?.cpuMs ?? 0) : 0);
  const redisMs = async () => {
    const info = await redis.info('cpu');
    const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
    return (field('used_cpu_sys') + field('used_cpu_user')) * 1000;
  };
  const read = async () => {
    const own = process.cpuUsage();
    return { node: (own.user + own.system) / 1000, ferret: ferretMs(), redis: await redisMs() };
  };
  return {
    async start() {
      const from = await read();
      return async () => {
        const to = await read();
        return { node: to.node - from.node, ferret: to.ferret - from.ferret, redis: to.redis - from.redis };
      };
    },
    close: () => redis.quit(),
  };
}

/** With BENCH_CPU_PROF=<file>, a V8 CPU profile of the accepting phase only (open it in Chrome's DevTools). */
async function profiler(file: string | undefined) {
  if (!file) return { stop: async () => undefined };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

const TICK_MS = 10; // USER_HZ is 100 on Linux
function procStat(pid: string) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    return {
      comm: text.slice(text.indexOf('(') + 1, close),
      ppid: Number(fields[1]),
      cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS,
    };
  } catch {
    return null;
  }
}

const cpuNote = (cpu: { node: number; ferret: number; redis: number }) =>
  `CPU ms per response: Node ${(cpu.node / COUNT).toFixed(1)} (API, worker, load generator), ` +
  `FerretDB ${(cpu.ferret / COUNT).toFixed(1)}, Redis ${(cpu.redis / COUNT).toFixed(1)}; load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`;

/** Set while a job runs: the API and the worker share this process and its connection. */
const inWorker = new AsyncLocalStorage<true>();
const asWorker = (def: AnyJobDef): AnyJobDef => ({
  ...def,
  run: (p, ctx) => inWorker.run(true, () => def.run(p, ctx)),
});

/** Counts every command (and the writes among them) the driver sends while it listens, by side. */
function commandCounter() {
  const client = mongoose.connection.getClient();
  const byCommand = new Map<string, number>();
  const listener = (e: CommandStartedEvent) => {
    const collection = String((e.command as Record<string, unknown>)[e.commandName] ?? '');
    const key = `${inWorker.getStore() ? 'worker' : 'api'} ${e.commandName} ${collection}`;
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
  const workers = startJobWorkers({
    connection,
    log,
    services: { mailer },
    concurrency: 4,
    jobs: workerJobs().map(asWorker),
  });
  const cpu = cpuMeter(config.REDIS_URL);
  // Polled through a client of its own, so the bench's polling is not counted as the product's commands.
  const poller = new MongoClient(config.MONGODB_URI);
  const rollups = poller.db().collection<{ days: Record<string, Record<string, number>> }>('analytics_rollups');
  const month = new Date().toISOString().slice(0, 7);
  const counted = async () =>
    (await rollups.find({ organisationId: new Types.ObjectId(organisationId), month }).toArray())
      .flatMap((doc) => Object.values(doc.days ?? {}))
      .reduce((n, day) => n + Object.values(day).reduce((a, b) => a + b, 0), 0);
  const counter = commandCounter();
  try {
    counter.take();
    const cpuSince = await cpu.start();
    const profile = await profiler(process.env.BENCH_CPU_PROF);
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
    const used = await cpuSince();
    await profile.stop();
    const commands = counter.take();
    const total = commands.reduce((n, [, c]) => n + c, 0);
    const writes = commands.filter(([k]) => isWrite(k));
    const reads = commands.filter(([k]) => !isWrite(k));
    const writeCount = writes.reduce((n, [, c]) => n + c, 0);
    const side = (name: string) => commands.filter(([k]) => k.startsWith(name)).reduce((n, [, c]) => n + c, 0) / COUNT;
    const perResponse = (list: typeof commands) =>
      list
        .filter(([, c]) => c / COUNT >= 0.05)
        .sort((a, b) => b[1] - a[1])
        .map(([k, c]) => `${k} ${(c / COUNT).toFixed(1)}`)
        .join(', ');
    printRow(summarise('POST /r/:token/confirm (HTTP latency)', http.samplesMs, http.elapsedMs));
    const httpRate = (COUNT / endToEndMs) * 1000;
    printNote(
      `accepted and counted in the rollup: ${httpRate.toFixed(1)} responses/s end to end; ` +
        `${(total / COUNT).toFixed(1)} database commands per response, ${(writeCount / COUNT).toFixed(1)} of them writes ` +
        `(API ${side('api ').toFixed(1)}, worker ${side('worker ').toFixed(1)})`,
    );
    printNote(`writes per response: ${perResponse(writes)}`);
    printNote(`other commands per response: ${perResponse(reads)}`);
    printNote(cpuNote(used));

    const bareSince = await cpu.start();
    const driver = await bareDriverLoop(organisationId, invitations);
    const bareUsed = await bareSince();
    const driverRate = (COUNT / driver.elapsedMs) * 1000;
    printRow(summarise(`bare driver loop, ${BARE_WRITES} writes per response`, driver.samplesMs, driver.elapsedMs));
    printNote(cpuNote(bareUsed));
    printNote(
      `HTTP end to end ÷ bare driver loop: ${((httpRate / driverRate) * 100).toFixed(0)}% of its throughput (target ≥ 70%)`,
    );
  } finally {
    counter.stop();
    await cpu.close();
    await poller.close();
    await workers.close();
    mailer.close();
    await connection.quit();
  }
}

/**
 * The bare loop: the product's eight writes per accepted response, with documents of the same
 * shape and filters of the same fields, into collections of the same database, straight through
 * the driver, with nothing between them (no reads, no Redis, no HTTP, no validation).
 */
async function bareDriverLoop(organisationId: string, invitations: Array<{ id: string }>) {
  const db = mongoose.connection.db!;
  const bare = {
    responses: db.collection('bench_bare_responses'),
    events: db.collection('bench_bare_events'),
    invitations: db.collection<{ history?: Array<{ state: string; at: Date }> }>('bench_bare_invitations'),
    timeline: db.collection('bench_bare_timeline'),
    ledgers: db.collection('bench_bare_rollup_ledgers'),
    rollups: db.collection('bench_bare_rollups'),
  };
  const orgId = new Types.ObjectId(organisationId);
  // Copies of the real invitations, so the funnel update scans documents of the real size.
  const stored = await db
    .collection('surveyinvitations')
    .find({ _id: { $in: invitations.map((inv) => new Types.ObjectId(inv.id)) } })
    .toArray();
  await bare.invitations.insertMany(stored.map((inv) => ({ ...inv, state: 'sent' })));
  // The month's documents exist already (as after its first answer), so racing lanes never upsert one twice.
  const monthId = `${organisationId}|bench|${new Date().toISOString().slice(0, 7)}` as unknown as Types.ObjectId;
  await bare.ledgers.insertOne({ _id: monthId, organisationId: orgId, applied: {}, days: {}, v: 1 });
  await bare.rollups.insertOne({ _id: monthId, organisationId: orgId, series: 'bench', month: 'm', days: {}, v: 1 });
  const dd = new Date().toISOString().slice(8, 10);
  try {
    return await runBounded(COUNT, IN_FLIGHT, async (i) => {
      const invitation = stored[i]!;
      const id = invitation._id;
      const score = i % 11;
      const now = new Date();
      const change = {
        seq: 1,
        type: 'response.created',
        oldScore: null,
        newScore: score,
        wasConfirmed: false,
        confirmed: true,
        at: now,
      };
      const eventId = new Types.ObjectId();
      const ops: Array<() => Promise<unknown>> = [
        () =>
          bare.responses.insertOne({
            _id: id,
            organisationId: orgId,
            surveyId: invitation.surveyId,
            surveyVersion: invitation.surveyVersion,
            kind: 'nps',
            touchpointId: invitation.touchpointId,
            touchpointKey: invitation.touchpointKey,
            channel: 'email',
            invitationId: id,
            contactId: invitation.contactId,
            contactAttributes: { language: 'en' },
            hidden: {},
            language: 'en',
            score,
            band: 'passive',
            state: 'confirmed',
            startedAt: now,
            answeredAt: now,
            confirmedAt: now,
            seq: 1,
            pendingEvents: [change],
            answers: [],
            comment: null,
            completedAt: null,
            createdAt: now,
            updatedAt: now,
          }),
        () =>
          bare.events.insertOne({
            _id: eventId,
            organisationId: orgId,
            type: 'response.created',
            data: {
              target: String(id),
              responseId: String(id),
              seq: 1,
              surveyId: String(invitation.surveyId),
              newScore: score,
            },
            actor: { kind: 'system', id: null, label: 'Respondent' },
            ip: '127.0.0.1',
            requestId: String(i),
            at: now,
            done: [],
            settled: false,
            failures: {},
          }),
        () =>
          bare.responses.updateOne(
            { _id: id, organisationId: orgId, seq: 1 },
            { $set: { pendingEvents: [], updatedAt: now } },
          ),
        () =>
          bare.invitations.findOneAndUpdate(
            { _id: id, organisationId: orgId, state: { $in: ['sent', 'opened', 'clicked'] } },
            {
              $set: { state: 'responded', respondedAt: now, nextReminderAt: null },
              $push: { history: { state: 'responded', at: now } },
            },
            { returnDocument: 'before' },
          ),
        () =>
          bare.timeline.insertOne({
            organisationId: orgId,
            contactId: invitation.contactId,
            at: now,
            kind: 'invitation',
            summary: 'Responded',
            touchpointKey: invitation.touchpointKey,
            channel: 'email',
            refId: String(id),
          }),
        () =>
          bare.ledgers.findOneAndUpdate(
            { _id: monthId, organisationId: orgId, [`applied.${String(id)}`]: { $exists: false } },
            { $set: { [`applied.${String(id)}`]: [1, score] }, $inc: { v: 1, [`days.${dd}.${score}`]: 1 } },
            { returnDocument: 'after' },
          ),
        () =>
          bare.rollups.replaceOne(
            { _id: monthId, organisationId: orgId },
            { organisationId: orgId, series: 'bench', month: 'm', days: { [dd]: { [score]: i } }, v: i + 2 },
          ),
        () =>
          bare.events.updateOne(
            { _id: eventId, organisationId: orgId },
            { $addToSet: { done: { $each: ['analytics.rollup', 'webhooks.fan-out'] } }, $set: { settled: true } },
          ),
      ];
      for (const op of ops) await op();
    });
  } finally {
    await Promise.all(Object.values(bare).map((c) => c.drop().catch(() => undefined)));
  }
}
