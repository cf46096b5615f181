import type { ErrorDetail } from '@pulse/shared/errors';
import type { AttributeType } from '@pulse/shared/schemas/contacts';
import { MAX_BATCH, type Decision, type Interaction } from '@pulse/shared/schemas/interactions';
import { parse } from 'csv-parse/sync';

import { mapColumns, toInteraction, type ColumnMap, type RowError } from './csv-rows';

/** What one POST of a batch to the ingest API came to. */
export type SendOutcome =
  | { kind: 'accepted'; decisions: Decision[] }
  /** 400: the API refused the batch whole, naming `body.interactions.<index>.<field>`. */
  | { kind: 'invalid'; message: string; details: readonly ErrorDetail[] }
  /** 429, 503 or no answer: the same batch may be sent again (its idempotency keys make that safe). */
  | { kind: 'retry'; afterMs: number; message: string }
  | { kind: 'fatal'; message: string };

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  /** Rows the API accepted: each has a decision (invited, or skipped with its reason). */
  rowsImported: number;
  invited: number;
  skipped: number;
  /** Rows of an earlier import of this file, answered as before and asking nobody again. */
  replayed: number;
  /** The first MAX_ERRORS_KEPT row errors; `errorCount` counts them all. */
  errors: RowError[];
  errorCount: number;
  /** Set when the import stopped before the end of the file. */
  stopped: string | null;
}

export interface ImportOptions {
  /** Touchpoint key for rows without a touchpoint cell. */
  defaultTouchpoint?: string;
  attributeTypes: ReadonlyMap<string, AttributeType>;
  idempotencyPrefix: string;
  send: (interactions: Interaction[]) => Promise<SendOutcome>;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  batchSize?: number;
  /** Waits before a retry; tests pass a shorter one. */
  sleep?: (ms: number) => Promise<void>;
}

export const MAX_ERRORS_KEPT = 1_000;
const MAX_RETRIES = 6;
// The API refuses bodies over 1 MB; a batch of long rows is sent before it gets there.
const MAX_BATCH_CHARS = 900_000;
const QUOTE = 34;
const NEWLINE = 10;

interface Pending {
  row: number;
  interaction: Interaction;
}

/**
 * Streams a CSV file of interactions into the ingest API in batches of up to 1,000: the file is
 * read chunk by chunk, cut at record boundaries (a newline outside quotes), parsed with
 * csv-parse, each row checked with the API's own schema, and the next chunk read only once the
 * batch before it is in. Memory stays at one chunk and one batch whatever the file's size.
 * Rows the API refuses are reported with their row and column and the rest of their batch is
 * sent again without them.
 */
export async function importCsv(file: Blob, opts: ImportOptions): Promise<ImportProgress> {
  const batchSize = Math.min(opts.batchSize ?? MAX_BATCH, MAX_BATCH);
  const sleep = opts.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const progress: ImportProgress = {
    bytesRead: 0,
    totalBytes: file.size,
    rowsRead: 0,
    rowsImported: 0,
    invited: 0,
    skipped: 0,
    replayed: 0,
    errors: [],
    errorCount: 0,
    stopped: null,
  };
  // Refusals by the API arrive a batch late: the report is kept in row order.
  const report = () => {
    progress.errors.sort((a, b) => a.row - b.row);
    opts.onProgress?.({ ...progress, errors: [...progress.errors] });
  };
  const fail = (errors: RowError[]) => {
    progress.errorCount += errors.length;
    progress.errors.push(...errors.slice(0, Math.max(0, MAX_ERRORS_KEPT - progress.errors.length)));
  };

  let map: ColumnMap | null = null;
  let row = 0;
  let batch: Pending[] = [];
  let batchChars = 0;

  const flush = async () => {
    let items = batch;
    batch = [];
    batchChars = 0;
    for (let retries = 0; items.length > 0;) {
      if (opts.signal?.aborted) throw new ImportStopped('The import was stopped.');
      const outcome = await opts.send(items.map((p) => p.interaction));
      if (outcome.kind === 'accepted') {
        progress.rowsImported += items.length;
        for (const d of outcome.decisions) {
          if (d.replayed) progress.replayed++;
          else if (d.outcome === 'invited') progress.invited++;
          else progress.skipped++;
        }
        return;
      }
      if (outcome.kind === 'fatal') throw new ImportStopped(outcome.message);
      if (outcome.kind === 'retry') {
        if (++retries > MAX_RETRIES) throw new ImportStopped(outcome.message);
        await sleep(Math.min(outcome.afterMs * 2 ** (retries - 1), 30_000));
        continue;
      }
      const refused = refusedRows(outcome, items, map!);
      fail(refused.errors);
      items = items.filter((_, i) => !refused.indexes.has(i));
    }
  };

  const onRecord = async (cells: string[]) => {
    if (!map) {
      const mapped = mapColumns(cells);
      if ('error' in mapped) throw new ImportStopped(mapped.error);
      map = mapped.map;
      row = 1;
      return;
    }
    row++;
    progress.rowsRead++;
    if (cells.length !== map.headers.length) {
      fail([{ row, field: 'row', message: `has ${cells.length} cells; the header has ${map.headers.length}` }]);
      return;
    }
    const result = toInteraction(cells, row, {
      map,
      attributeTypes: opts.attributeTypes,
      defaultTouchpoint: opts.defaultTouchpoint,
      idempotencyPrefix: opts.idempotencyPrefix,
    });
    if ('errors' in result) fail(result.errors);
    else {
      batch.push({ row, interaction: result.interaction });
      batchChars += JSON.stringify(result.interaction).length + 1;
    }
    if (batch.length >= batchSize || batchChars >= MAX_BATCH_CHARS) {
      await flush();
      report();
    }
  };

  try {
    const reader = file.stream().getReader();
    const decoder = new TextDecoder();
    let text = '';
    let scanned = 0;
    let inQuotes = false;
    let first = true;
    for (;;) {
      if (opts.signal?.aborted) throw new ImportStopped('The import was stopped.');
      const { value, done } = await reader.read();
      if (value) {
        progress.bytesRead += value.byteLength;
        text += decoder.decode(value, { stream: true });
      }
      if (done) text += decoder.decode();
      // Quotes toggle in pairs (an escaped "" toggles twice), so a newline with an even count of
      // quotes before it ends a record: everything up to the last one can be parsed now.
      let boundary = 0;
      for (let i = scanned; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) inQuotes = !inQuotes;
        else if (c === NEWLINE && !inQuotes) boundary = i + 1;
      }
      const cut = done ? text.length : boundary;
      scanned = text.length - cut;
      if (cut > 0) {
        const records = parseRecords(text.slice(0, cut), first, row + 1);
        text = text.slice(cut);
        first = false;
        for (const cells of records) await onRecord(cells);
      }
      report();
      if (done) break;
    }
    if (!map) throw new ImportStopped('The file is empty: it needs a header row and at least one row.');
    await flush();
  } catch (err) {
    if (!(err instanceof ImportStopped)) throw err;
    progress.stopped = err.message;
  }
  report();
  return progress;
}

class ImportStopped extends Error {}

function parseRecords(text: string, first: boolean, nextRow: number): string[][] {
  try {
    return parse(text, { bom: first, skip_empty_lines: true, relax_column_count: true, relax_quotes: true });
  } catch (err) {
    // A broken quote leaves no trustworthy row after it: stop, naming where it started.
    throw new ImportStopped(`Row ${nextRow} or after it cannot be read as CSV: ${(err as Error).message}`);
  }
}

/** Maps the API's `body.interactions.<index>.<path>` errors back to rows and the file's columns. */
function refusedRows(outcome: Extract<SendOutcome, { kind: 'invalid' }>, items: Pending[], map: ColumnMap) {
  const indexes = new Set<number>();
  const errors: RowError[] = [];
  for (const { path, message } of outcome.details) {
    const match = /^body\.interactions\.(\d+)(?:\.(.+))?$/.exec(path);
    const item = match ? items[Number(match[1])] : undefined;
    if (!match || !item) continue;
    indexes.add(Number(match[1]));
    errors.push({ row: item.row, field: map.headerOf(match[2] ?? ''), message });
  }
  // A refusal that names no row would be sent again forever: every row of the batch carries it.
  if (indexes.size === 0) {
    items.forEach((item, i) => {
      indexes.add(i);
      errors.push({ row: item.row, field: 'row', message: outcome.message });
    });
  }
  return { indexes, errors };
}
