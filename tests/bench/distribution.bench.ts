import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import type { Express } from 'express';
import type { Redis } from 'ioredis';
import mongoose, { Types } from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';

import type { Interaction } from '@pulse/shared/schemas/interactions';

import { systemContext } from '../../server/src/lib/context';
import { startJobWorkers, type Jobs } from '../../server/src/lib/jobs';
import type { Logger } from '../../server/src/lib/logger';
import { createMailer, type OutgoingMail } from '../../server/src/lib/mailer';
import { createRedis } from '../../server/src/lib/redis';
import { settings } from '../../server/src/lib/settings';
import { ContactModel } from '../../server/src/modules/contacts/contact.model';
import { TimelineEntryModel } from '../../server/src/modules/contacts/timeline-entry.model';
import { ingestInteractions } from '../../server/src/modules/interactions/interactions.service';
import { SurveyInvitationModel } from '../../server/src/modules/invitations/invitation.model';
import { invitationTokenHash } from '../../server/src/modules/invitations/invitation-token';
import {
  configureSurveySending,
  SendInvitation,
  sendJobId,
} from '../../server/src/modules/invitations/send-invitation.job';
import { composeSurveyEmail } from '../../server/src/modules/invitations/survey-email.compose';
import { warmSurveyEmailTemplates } from '../../server/src/modules/invitations/survey-email';
import { getSendableSurvey } from '../../server/src/modules/surveys/surveys.service';
import { workerJobs } from '../../server/src/registry';
import { signUpOwner } from '../factories/accounts';
import { buildTouchpoint } from '../factories/distribution';
import { buildSurvey } from '../factories/surveys';
import type { BenchCatcher } from './services';
import { printNote, printRow, runBounded, summarise } from './stats';

const MAILS = 200;
const CONCURRENCY = 5;
const SMTP_ONLY = 3_000;
// BENCH_INGEST measures a longer run (the contacts find grows with the collection).
const INGEST = Number(process.env.BENCH_INGEST ?? 1_000);
const BATCH = 500;
const KNOWN = 20;

export interface DistributionBenchDeps {
  app: Express;
  jobs: Jobs;
  redis: Redis;
  redisUrl: string;
  log: Logger;
  catcher: BenchCatcher;
}

/** Counts the driver's commands by name while `work` runs (mongoose connection, monitorCommands). */
async function countCommands<T>(work: () => Promise<T>): Promise<{ result: T; commands: Map<string, number> }> {
  const commands = new Map<string, number>();
  const client = mongoose.connection.getClient();
  const onStart = (e: CommandStartedEvent) => commands.set(e.commandName, (commands.get(e.commandName) ?? 0) + 1);
  client.on('commandStarted', onStart);
  try {
    return { result: await work(), commands };
  } finally {
    client.off('commandStarted', onStart);
  }
}

/**
 * This process's CPU time per item while `work` runs (mailer, workers and the driver live in it):
 * on a shared machine, wall-clock rates move with others' load, CPU per item less so.
 */
async function cpuPer<T>(items: number, work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return { result, cpuMs: (used.user + used.system) / 1000 / items };
}

/** The catcher's CPU per mail while `work` runs (its own process); null where unreadable. */
async function catcherCpuPer<T>(catcher: BenchCatcher, mails: number, work: () => Promise<T>) {
  const before = catcher.cpuMs();
  const result = await work();
  const after = catcher.cpuMs();
  return { result, catcherMs: before === null || after === null ? null : (after - before) / mails };
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const listed = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');

async function organisation(app: Express) {
  const owner = await signUpOwner(app);
  const survey = await buildSurvey({ org: owner, kind: 'nps' });
  return { organisationId: owner.organisationId, survey };
}

/**
 * 8a. The survey send pipeline against a bare loop, in the same run, on the same database:
 *  - pipeline: MAILS invitations queued by the ingest service; real BullMQ workers (c=5) take
 *    each one's send lease in Redis, read it and its contact by `_id`, render the MJML mail, send
 *    it through the pooled mailer to the mail catcher and record sent (one update by `_id`, with
 *    its timeline entry);
 *  - bare: the same sent update by `_id`, the same timeline insert and the same SMTP send of one
 *    pre-rendered mail, 5 at a time, without BullMQ, the lease, rendering or reads;
 *  - SMTP alone: the pooled mailer sending that mail, 5 at a time.
 */
export async function benchSurveyMail(deps: DistributionBenchDeps) {
  await warmSurveyEmailTemplates();
  const { organisationId, survey } = await organisation(deps.app);
  const touchpoint = await buildTouchpoint({ org: organisationId, rules: { surveyId: survey.id } });
  const ctx = systemContext({ organisationId, log: deps.log, name: 'Bench' });
  const campaign = async (label: string) => {
    const items: Interaction[] = Array.from({ length: MAILS }, (_, i) => ({
      touchpoint: touchpoint.key,
      contact: { email: `bench-${label}-${i}@example.test`, name: `Person ${i}` },
    }));
    const decisions = await ingestInteractions(ctx, { redis: deps.redis }, items, { batch: true });
    return decisions.map((d) => d.invitationId!);
  };

  // Pipeline first, while its jobs wait (no worker yet); the bare loop's invitations are stored
  // too, so both run against a collection of the same size.
  const piped = await campaign('piped');
  const bare = await campaign('bare');
  // The bare loop's jobs would be sent by the pipeline's workers: take them out of the queue.
  await Promise.all(bare.map((id) => deps.jobs.queues.bulk.remove(sendJobId(id))));

  const connection = createRedis(deps.redisUrl, 'worker');
  const mailer = createMailer(deps.catcher.smtpUrl);
  configureSurveySending({ redis: connection, mailsPerMinute: 1_000_000 });
  const caughtBefore = await deps.catcher.count();
  const pipelineStarted = performance.now();
  const {
    result: { commands: pipelineCommands },
    cpuMs: pipelineCpu,
  } = await cpuPer(MAILS, () =>
    countCommands(async () => {
      const workers = startJobWorkers({
        connection,
        log: deps.log,
        services: { mailer },
        concurrency: CONCURRENCY,
        jobs: workerJobs(),
      });
      // The catcher's count is watched until every mail arrived, and only then the database
      // until every invitation says sent: a count every 100 ms from the start scans the
      // invitations on the dev database and slowed the run it measured.
      while ((await deps.catcher.count()) < caughtBefore + MAILS) await new Promise((r) => setTimeout(r, 20));
      const ids = piped.map((id) => new Types.ObjectId(id));
      while ((await SurveyInvitationModel.collection.countDocuments({ _id: { $in: ids }, state: 'sent' })) < MAILS)
        await new Promise((r) => setTimeout(r, 20));
      await workers.close();
    }),
  );
  const pipelineMs = performance.now() - pipelineStarted;
  await connection.quit();

  // One rendered mail, sent to each bare invitation's own address.
  const contact = await ContactModel.findOne({ organisationId, email: 'bench-bare-0@example.test' }).lean();
  const sendable = await getSendableSurvey(ctx, survey.id);
  const mail = await composeSurveyEmail({
    survey: sendable!,
    org: { name: 'Bench', senderName: 'Bench' },
    contact,
    invitationId: bare[0]!,
  });
  const outgoing = (i: number): OutgoingMail => ({
    from: settings().mailFrom,
    to: `bench-bare-${i}@example.test`,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    htmlQuotedPrintable: mail.htmlQuotedPrintable,
    headers: mail.headers,
  });
  const invitations = SurveyInvitationModel.collection;
  const orgId = new Types.ObjectId(organisationId);
  const {
    result: { result: bareRun, commands: bareCommands },
    cpuMs: bareCpu,
  } = await cpuPer(MAILS, () =>
    countCommands(() =>
      runBounded(MAILS, CONCURRENCY, async (i) => {
        const _id = new Types.ObjectId(bare[i]!);
        const claimedAt = new Date();
        await mailer.send(outgoing(i));
        const sentAt = new Date();
        await Promise.all([
          invitations.updateOne(
            { _id },
            {
              $set: { state: 'sent', sentAt, claimedAt, attempts: 1 },
              $push: {
                history: {
                  $each: [
                    { state: 'sending', at: claimedAt },
                    { state: 'sent', at: sentAt },
                  ],
                },
              } as never,
            },
          ),
          TimelineEntryModel.collection.insertOne({
            organisationId: orgId,
            contactId: contact!._id,
            at: sentAt,
            kind: 'invitation',
            summary: 'Invitation sent',
          }),
        ]);
      }),
    ),
  );

  // A send waits on this process's event loop: its delay says whether the loop, not SMTP, was slow.
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const {
    result: { result: smtp, cpuMs: smtpCpu },
    catcherMs: smtpCatcherCpu,
  } = await catcherCpuPer(deps.catcher, SMTP_ONLY, () =>
    cpuPer(SMTP_ONLY, () => runBounded(SMTP_ONLY, CONCURRENCY, (i) => mailer.send(outgoing(i % MAILS)))),
  );
  loopDelay.disable();
  mailer.close();

  const pipelineRate = (MAILS / pipelineMs) * 1000;
  const bareRate = (MAILS / bareRun.elapsedMs) * 1000;
  const smtpRate = (SMTP_ONLY / smtp.elapsedMs) * 1000;
  printNote(
    `pipeline (BullMQ c=${CONCURRENCY} → lease → read invitation, contact → MJML render → SMTP → sent): ${MAILS} in ` +
      `${(pipelineMs / 1000).toFixed(2)} s, ${pipelineRate.toFixed(0)} mails/s; ` +
      `${(total(pipelineCommands) / MAILS).toFixed(1)} DB commands per mail (${listed(pipelineCommands)})`,
  );
  printRow(
    summarise(`bare loop: SMTP, sent update, timeline (c=${CONCURRENCY})`, bareRun.samplesMs, bareRun.elapsedMs),
  );
  printNote(`bare: ${(total(bareCommands) / MAILS).toFixed(1)} DB commands per mail (${listed(bareCommands)})`);
  printRow(summarise(`SMTP alone, pooled mailer (c=${CONCURRENCY})`, smtp.samplesMs, smtp.elapsedMs));
  printNote(
    `pipeline ÷ bare = ${((pipelineRate / bareRate) * 100).toFixed(0)} % (target ≥ 70 %); ` +
      `SMTP alone ${smtpRate.toFixed(0)} mails/s (target ≥ 1,000)`,
  );
  printNote(
    `this process's CPU per mail: pipeline ${pipelineCpu.toFixed(2)} ms, bare ${bareCpu.toFixed(2)} ms, ` +
      `SMTP alone ${smtpCpu.toFixed(2)} ms (the sender: ${(1000 / smtpCpu).toFixed(0)} mails/s per core)`,
  );
  printNote(
    `the catcher's CPU per mail, SMTP alone (its own process): ` +
      (smtpCatcherCpu === null ? 'not readable here' : `${smtpCatcherCpu.toFixed(2)} ms`) +
      `; this process's event-loop delay meanwhile p50 ${(loopDelay.percentile(50) / 1e6).toFixed(1)} ms, ` +
      `p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`,
  );
  return { pipelineRate, bareRate, smtpRate };
}

/**
 * FerretDB's own CPU time in ms so far (user + system, from /proc), found by the port the
 * driver is connected to: it shares the two cores with this process, so a command that costs
 * the database more slows the run without showing in this process's CPU.
 */
function ferretDbCpu(): () => number {
  const listen = `--listen=127.0.0.1:${mongoose.connection.port}`;
  const pid = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .find((d) => {
      try {
        return fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').includes(listen);
      } catch {
        return false;
      }
    });
  if (!pid) return () => NaN;
  const ticksMs = 1000 / 100; // USER_HZ is 100 on Linux
  return () => {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * ticksMs;
  };
}

/**
 * 8b. Ingest: INGEST interactions of new people in batches of BATCH through the ingest service
 * (touchpoint rules, sampling, fatigue claim, contact upsert, invitation insert, timeline insert,
 * one addBulk per batch), against a bare driver loop writing the same documents (contacts,
 * invitations, timeline entries) with one insertMany each per batch and the same addBulk.
 */
export async function benchIngest(deps: DistributionBenchDeps) {
  const { organisationId, survey } = await organisation(deps.app);
  const touchpoint = await buildTouchpoint({
    org: organisationId,
    // A delay keeps the queued sends from running: only the ingest is measured.
    rules: { surveyId: survey.id, fatigueDays: 30, samplingPercent: 100, delayMinutes: 600 },
  });
  const ctx = systemContext({ organisationId, log: deps.log, name: 'Bench' });
  const batches = INGEST / BATCH;
  const items = (label: string, b: number): Interaction[] =>
    Array.from({ length: BATCH }, (_, i) => ({
      touchpoint: touchpoint.key,
      contact: { email: `ingest-${label}-${b}-${i}@example.test`, externalId: `ext-${label}-${b}-${i}` },
    }));

  const ferret = ferretDbCpu();
  const measured = async <T>(work: () => Promise<T>) => {
    const dbBefore = ferret();
    const out = await cpuPer(INGEST, () => countCommands(work));
    return { ...out, dbCpuMs: (ferret() - dbBefore) / INGEST };
  };
  const ingestBatch = (label: string, b: number) =>
    ingestInteractions(ctx, { redis: deps.redis }, items(label, b), { batch: true });
  const orgId = new Types.ObjectId(organisationId);
  const touchpointId = new Types.ObjectId(touchpoint.id);
  const surveyId = new Types.ObjectId(survey.id);
  const bareBatch = async (label: string, b: number) => {
    const now = new Date();
    const sendAt = new Date(now.getTime() + 600 * 60_000);
    const rows = items(label, b).map((item) => {
      const contactId = new Types.ObjectId();
      const invitationId = new Types.ObjectId();
      return {
        contact: {
          _id: contactId,
          organisationId: orgId,
          externalId: item.contact.externalId,
          email: item.contact.email,
          externalKey: item.contact.externalId,
          emailKey: item.contact.email,
          name: null,
          language: null,
          timeZone: null,
          attributes: {},
          suppression: null,
          lastInvitedAt: now,
          erasedAt: null,
          createdAt: now,
          updatedAt: now,
        },
        invitation: {
          _id: invitationId,
          organisationId: orgId,
          touchpointId,
          touchpointKey: touchpoint.key,
          surveyId,
          surveyVersion: 1,
          contactId,
          channel: 'email',
          state: 'queued',
          to: item.contact.email,
          tokenHash: invitationTokenHash(invitationId, settings().secretKey),
          sendAt,
          expiresAt: new Date(sendAt.getTime() + 14 * 86_400_000),
          history: [{ state: 'queued', at: now }],
          createdAt: now,
          updatedAt: now,
        },
        timeline: {
          organisationId: orgId,
          contactId,
          at: now,
          kind: 'interaction',
          summary: `Interaction at ${touchpoint.key}: invited by email`,
          refId: String(invitationId),
        },
      };
    });
    await ContactModel.collection.insertMany(rows.map((r) => r.contact));
    await SurveyInvitationModel.collection.insertMany(rows.map((r) => r.invitation));
    await TimelineEntryModel.collection.insertMany(rows.map((r) => r.timeline));
    await deps.jobs.queues.bulk.addBulk(
      rows.map((r) => ({
        name: SendInvitation.name,
        data: { organisationId, invitationId: String(r.invitation._id), contactId: String(r.contact._id) },
        opts: { jobId: sendJobId(String(r.invitation._id)), delay: 600 * 60_000 },
      })),
    );
  };

  // One unmeasured batch each first: the process's first run of each path (JIT, BullMQ loading its
  // scripts into Redis, the driver's pool) would otherwise count against whichever side runs first.
  await ingestBatch('warm-piped', 0);
  await bareBatch('warm-bare', 0);
  const {
    result: { result: pipeline, commands: pipelineCommands },
    cpuMs: pipelineCpu,
    dbCpuMs: pipelineDbCpu,
  } = await measured(() => runBounded(batches, 1, (b) => ingestBatch('piped', b)));
  const {
    result: { result: bare, commands: bareCommands },
    cpuMs: bareCpu,
    dbCpuMs: bareDbCpu,
  } = await measured(() => runBounded(batches, 1, (b) => bareBatch('bare', b)));

  // Some of the same people again: their inserts collide, so they are read (one query) and decided
  // again; each fatigue claim is a conditional update, which scans the contacts on the dev database.
  const knownStarted = performance.now();
  const { commands: knownCommands } = await countCommands(() =>
    ingestInteractions(ctx, { redis: deps.redis }, items('piped', 0).slice(0, KNOWN), { batch: true }),
  );
  const knownMs = performance.now() - knownStarted;

  const pipelineRate = (INGEST / pipeline.elapsedMs) * 1000;
  const bareRate = (INGEST / bare.elapsedMs) * 1000;
  printRow(summarise(`ingest service, ${BATCH} per batch (per batch)`, pipeline.samplesMs, pipeline.elapsedMs));
  printNote(
    `ingest: ${pipelineRate.toFixed(0)} interactions/s; ${(total(pipelineCommands) / INGEST).toFixed(3)} DB ` +
      `commands per interaction (${listed(pipelineCommands)})`,
  );
  printRow(summarise(`bare driver: 3 insertMany + addBulk, ${BATCH} per batch`, bare.samplesMs, bare.elapsedMs));
  printNote(
    `bare: ${bareRate.toFixed(0)} interactions/s; ${(total(bareCommands) / INGEST).toFixed(3)} DB commands per ` +
      `interaction (${listed(bareCommands)})`,
  );
  printNote(`ingest ÷ bare = ${((pipelineRate / bareRate) * 100).toFixed(0)} % (target ≥ 50 %)`);
  printNote(
    `${KNOWN} known people again (all fatigued): ${knownMs.toFixed(0)} ms; ${listed(knownCommands)} ` +
      `(the contacts' insert collides, one find reads them, each one's fatigue claim a read by _id under a lease)`,
  );
  printNote(`this process's CPU per interaction: ingest ${pipelineCpu.toFixed(3)} ms, bare ${bareCpu.toFixed(3)} ms`);
  printNote(`FerretDB's CPU per interaction: ingest ${pipelineDbCpu.toFixed(3)} ms, bare ${bareDbCpu.toFixed(3)} ms`);
  return { pipelineRate, bareRate };
}
