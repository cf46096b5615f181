/** What one benchmark measured: per-operation latency and how many operations a second. */
export interface Figures {
  name: string;
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  perSecond: number;
}

// Nearest-rank percentile on sorted samples: always a latency that was actually observed.
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

export function summarise(name: string, samplesMs: number[], elapsedMs: number): Figures {
  if (samplesMs.length === 0) throw new Error(`${name}: no samples`);
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    name,
    count: sorted.length,
    meanMs: sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    perSecond: (sorted.length / elapsedMs) * 1000,
  };
}

/**
 * Runs `count` operations with at most `inFlight` at a time and times each one. A fixed count,
 * never a time budget, so a slow machine takes longer instead of measuring less.
 */
export async function runBounded(
  count: number,
  inFlight: number,
  operation: (i: number) => Promise<unknown>,
): Promise<{ samplesMs: number[]; elapsedMs: number }> {
  const samplesMs: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      const started = performance.now();
      await operation(i);
      samplesMs.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, lane));
  return { samplesMs, elapsedMs: performance.now() - started };
}

const COLUMNS = [
  { title: 'benchmark', width: 54 },
  { title: 'count', width: 7 },
  { title: 'mean ms', width: 9 },
  { title: 'p50 ms', width: 9 },
  { title: 'p95 ms', width: 9 },
  { title: 'p99 ms', width: 9 },
  { title: 'per s', width: 9 },
];

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const line = (cells: string[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(COLUMNS[i].width) : cell.padStart(COLUMNS[i].width))).join(' ');

export function printHeader(): void {
  const header = line(COLUMNS.map((c) => c.title));
  console.log(`\n${header}\n${'-'.repeat(header.length)}`);
}

export function printRow(f: Figures): void {
  const perSecond = f.perSecond >= 100 ? f.perSecond.toFixed(0) : f.perSecond.toFixed(1);
  console.log(line([f.name, String(f.count), ms(f.meanMs), ms(f.p50Ms), ms(f.p95Ms), ms(f.p99Ms), perSecond]));
}

/** A derived figure (a ratio, a difference) printed under the rows it comes from. */
export function printNote(text: string): void {
  console.log(`  → ${text}`);
}

export function printSection(title: string): void {
  console.log(`\n${title}`);
}
