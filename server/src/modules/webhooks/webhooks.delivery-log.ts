import mongoose from 'mongoose';

import { derivedId, isDuplicateKey } from '../../lib/derived-id';
import { findOwnedById } from '../../lib/tenant';
import { WebhookAttemptModel, type WebhookAttemptDoc } from './webhook-attempt.model';
import type { WebhookDeliveryDoc } from './webhook-delivery.model';

/** Duplicate keys only: that attempt was recorded before (a job run twice). */
export const onlyDuplicates = (err: unknown) => {
  const writeErrors = (err as { writeErrors?: unknown[] }).writeErrors;
  return writeErrors?.length ? writeErrors.every(isDuplicateKey) : isDuplicateKey(err);
};

export const attemptIdOf = (deliveryId: string, round: number, attempt: number) =>
  derivedId('webhook-attempt', deliveryId, String(round), String(attempt));

export type AttemptRecord = Omit<WebhookAttemptDoc, '_id' | 'at' | 'organisationId' | 'deliveryId' | 'endpointId'> & {
  organisationId: string;
  deliveryId: string;
  endpointId: string;
};

/**
 * Attempts are written together: every worker's attempts of the last quarter second in one
 * insertMany, so a burst of deliveries costs the database one command, not one per attempt. The
 * attempt's job waits for its batch, so a job that completed has its attempt on record.
 */
const FLUSH_MS = 250;
const MAX_BATCH = 500;
let batch: Array<{ doc: Record<string, unknown>; settle: (err?: unknown) => void }> = [];
let timer: NodeJS.Timeout | null = null;

async function flush() {
  if (timer) clearTimeout(timer);
  timer = null;
  const taken = batch;
  batch = [];
  try {
    await WebhookAttemptModel.insertMany(
      taken.map((t) => t.doc),
      { ordered: false },
    ).catch((err: unknown) => {
      if (!onlyDuplicates(err)) throw err;
    });
    for (const t of taken) t.settle();
  } catch (err) {
    for (const t of taken) t.settle(err);
  }
}

export function recordAttempt(a: AttemptRecord, at = new Date()): Promise<void> {
  const doc = { ...a, _id: attemptIdOf(a.deliveryId, a.round, a.attempt), at };
  return new Promise((resolve, reject) => {
    batch.push({ doc, settle: (err) => (err ? reject(err) : resolve()) });
    if (batch.length >= MAX_BATCH) void flush();
    else timer ??= setTimeout(() => void flush(), FLUSH_MS);
  });
}

/** What an attempt needs of its delivery. */
export type DeliveryToSend = Pick<WebhookDeliveryDoc, 'endpointId' | 'messageId' | 'body'>;

/**
 * Deliveries this process has just made, kept for their first attempt, which usually runs here
 * too and then reads nothing: the copy is what was inserted a moment ago and nothing writes a
 * delivery before its first attempt. Bounded: a first attempt another worker took leaves its
 * entry behind until newer ones push it out.
 */
const MAX_JUST_MADE = 5_000;
const justMade = new Map<string, DeliveryToSend>();

export function rememberJustMade(deliveryId: string, d: DeliveryToSend) {
  justMade.set(deliveryId, d);
  if (justMade.size > MAX_JUST_MADE) justMade.delete(justMade.keys().next().value!);
}

export function takeJustMade(deliveryId: string): DeliveryToSend | undefined {
  const d = justMade.get(deliveryId);
  justMade.delete(deliveryId);
  return d;
}

/**
 * This attempt of this round is on record (its job ran before). By `_id` alone, the one filter
 * FerretDB/SQLite looks up without scanning; the organisation is checked on the document.
 */
export const attemptRecorded = (organisationId: string, deliveryId: string, round: number, attempt: number) =>
  findOwnedById<WebhookAttemptDoc>(
    WebhookAttemptModel as never,
    organisationId,
    String(attemptIdOf(deliveryId, round, attempt)),
  );

/**
 * Deliveries as the log shows them: the delivery document as made (or as a resend left it), and,
 * once its current round has attempts, the latest one's outcome. Deliveries recorded before the
 * attempts had a collection of their own carry their outcome themselves and have none.
 */
export async function withOutcomes(organisationId: string, deliveries: WebhookDeliveryDoc[]) {
  if (!deliveries.length) return [];
  const attempts = await WebhookAttemptModel.find({
    organisationId,
    deliveryId: mongoose.trusted({ $in: deliveries.map((d) => d._id) }),
  }).lean<WebhookAttemptDoc[]>();
  const latest = new Map<string, WebhookAttemptDoc>();
  for (const a of attempts) {
    const key = `${String(a.deliveryId)}:${a.round}`;
    if ((latest.get(key)?.attempt ?? 0) < a.attempt) latest.set(key, a);
  }
  return deliveries.map((d) => {
    const a = latest.get(`${String(d._id)}:${d.round}`);
    if (!a) return d;
    return {
      ...d,
      state: a.outcome === 'retrying' ? ('pending' as const) : a.outcome,
      attempts: a.attempt,
      lastStatus: a.status,
      lastLatencyMs: a.latencyMs,
      lastError: a.error,
      lastResponseBody: a.responseBody,
      nextAttemptAt: a.nextAttemptAt,
      deliveredAt: a.outcome === 'delivered' ? a.at : null,
    };
  });
}
