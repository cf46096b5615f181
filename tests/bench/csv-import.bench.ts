import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { importCsv, type SendOutcome } from '../../client/src/features/distribution/lib/csv-import';

const ROWS = 100_000;
/** One row in a hundred is broken (a bad email), as real exports are. */
const BROKEN_EVERY = 100;

/** A 100,000-row export with a header, quoted cells, attributes and 1% broken rows, written to disk. */
function writeCsv(rows: number): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pulse-csv-')), 'interactions.csv');
  const out = fs.openSync(file, 'w');
  const lines = ['email,name,externalId,timeZone,attr.plan,attr.seats'];
  for (let i = 1; i <= rows; i++) {
    const email = i % BROKEN_EVERY === 0 ? `broken-${i}` : `customer-${i}@example.test`;
    lines.push(`${email},"Customer ${i}, Jr.",c-${i},Europe/Paris,${i % 3 ? 'pro' : 'free'},${i % 50}`);
    if (lines.length === 10_000) fs.writeSync(out, lines.splice(0).join('\n') + '\n');
  }
  fs.writeSync(out, lines.join('\n') + '\n');
  fs.closeSync(out);
  return file;
}

/** Peak heap and RSS while `run` runs, sampled every 50 ms. */
async function withMemory<T>(run: () => Promise<T>) {
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 50);
  try {
    const began = performance.now();
    const result = await run();
    return {
      result,
      ms: performance.now() - began,
      heapGrowthMb: Math.max(0, peakHeap - before.heapUsed) / 2 ** 20,
      rssGrowth: Math.max(0, peakRss - before.rss),
      peakRss,
    };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

/**
 * The web app's CSV import (client/src/features/distribution/lib/csv-import.ts) on a 100,000-row
 * file: first its own cost (read, cut at record boundaries, csv-parse, schema check, batching)
 * with batches answered at once, then the same file end to end into the real ingest API.
 */
export async function benchCsvImport(opts: {
  baseUrl: string;
  cookie: string;
  endToEndRows: number;
  batchSize: number;
}) {
  const file = writeCsv(ROWS);
  const size = fs.statSync(file).size;
  console.log(`  file: ${ROWS.toLocaleString('en')} rows, ${mb(size)}, 1 in ${BROKEN_EVERY} broken`);
  try {
    const blob = await fs.openAsBlob(file);
    let batches = 0;
    const alone = await withMemory(() =>
      importCsv(blob, {
        defaultTouchpoint: 'bench_csv',
        attributeTypes: new Map([['seats', 'number' as const]]),
        idempotencyPrefix: 'bench-alone',
        // Answers each batch without a server: what the browser spends on the file itself.
        send: async (): Promise<SendOutcome> => {
          batches++;
          return { kind: 'accepted', decisions: [] as never[] };
        },
      }),
    );
    const r = alone.result;
    console.log(
      `  importer alone: ${(alone.ms / 1000).toFixed(2)} s (${Math.round(ROWS / (alone.ms / 1000)).toLocaleString('en')} rows/s), ` +
        `${batches} batches, ${r.errorCount} row errors reported, heap growth at peak ${alone.heapGrowthMb.toFixed(0)} MB, ` +
        `RSS growth ${mb(alone.rssGrowth)} (peak ${mb(alone.peakRss)}, the API's process included)`,
    );
    if (r.errorCount !== ROWS / BROKEN_EVERY || r.rowsImported !== ROWS - ROWS / BROKEN_EVERY) {
      throw new Error(`importer alone: expected ${ROWS / BROKEN_EVERY} errors, got ${JSON.stringify(r)}`);
    }

    await fetch(`${opts.baseUrl}/api/v1/touchpoints`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: opts.cookie },
      body: JSON.stringify({ key: 'bench_csv', name: 'Bench CSV', stage: 'Bench' }),
    });
    const rows = Math.min(opts.endToEndRows, ROWS);
    const head = rows === ROWS ? blob : headOf(file, rows);
    const e2e = await withMemory(() =>
      importCsv(head, {
        defaultTouchpoint: 'bench_csv',
        attributeTypes: new Map([['seats', 'number' as const]]),
        idempotencyPrefix: 'bench-e2e',
        batchSize: opts.batchSize,
        send: async (interactions) => {
          const res = await fetch(`${opts.baseUrl}/api/v1/interactions`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Cookie: opts.cookie },
            body: JSON.stringify({ interactions }),
          });
          const body = (await res.json()) as { decisions?: never[]; error?: { message: string; details: [] } };
          if (res.ok) return { kind: 'accepted', decisions: body.decisions! };
          if (res.status === 400)
            return { kind: 'invalid', message: body.error!.message, details: body.error!.details };
          return { kind: 'fatal', message: `HTTP ${res.status}: ${body.error?.message}` };
        },
      }),
    );
    if (e2e.result.stopped) throw new Error(`end to end stopped: ${e2e.result.stopped}`);
    console.log(
      `  end to end, ${rows.toLocaleString('en')} rows in batches of ${opts.batchSize} into POST /api/v1/interactions (touchpoint without a survey: ` +
        `every row is a contact upsert and a recorded skip): ${(e2e.ms / 1000).toFixed(1)} s ` +
        `(${Math.round(rows / (e2e.ms / 1000)).toLocaleString('en')} rows/s), ${e2e.result.rowsImported} imported, ` +
        `${e2e.result.errorCount} row errors, RSS peak (API and importer in one process) ${mb(e2e.peakRss)}`,
    );
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/** The header and the first `rows` rows of the file (its rows are one line each). */
function headOf(file: string, rows: number): Blob {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(0, rows + 1);
  return new Blob([lines.join('\n') + '\n']);
}
