import os from 'node:os';

import { extractInsight } from '../../server/src/modules/insights/extract';
import { DATASET_LANGUAGES, loadDataset } from '../fixtures/insights/dataset';

const WARM_UP_PASSES = 5;
const ROUNDS = 9;
const PASSES_PER_ROUND = 2;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Extraction throughput (normalise, language, terms, sentiment) over the labelled comments, per
 * language, in the steady state a worker reaches after its first few hundred comments (the warm-up
 * passes let V8 compile the hot paths; its compiler threads would otherwise be billed to the
 * first rounds). Counted per CPU-second of this process (process.cpuUsage: user + system, GC
 * threads included), which is what "per core" means and what a shared, loaded machine still
 * measures fairly; the median of the rounds is reported, the wall-clock rate beside it.
 */
export function benchInsights(): void {
  console.log(
    `  load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  for (const language of DATASET_LANGUAGES) {
    const texts = loadDataset(language).map((r) => r.text);
    for (let pass = 0; pass < WARM_UP_PASSES; pass += 1)
      for (const text of texts) extractInsight({ text, locale: language });
    const cpuRates: number[] = [];
    const wallRates: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let pass = 0; pass < PASSES_PER_ROUND; pass += 1)
        for (const text of texts) extractInsight({ text, locale: language });
      const cpu = process.cpuUsage(cpu0);
      const n = texts.length * PASSES_PER_ROUND;
      cpuRates.push(n / ((cpu.user + cpu.system) / 1e6));
      wallRates.push(n / ((performance.now() - t0) / 1000));
    }
    const rate = median(cpuRates);
    console.log(
      `  extract ${language}: ${texts.length * PASSES_PER_ROUND * ROUNDS} comments, ${Math.round(rate)} comments ` +
        `per CPU-second (median of ${ROUNDS} rounds; ${Math.round(median(wallRates))}/s wall clock, ` +
        `${(1000 / rate).toFixed(3)} ms CPU each)`,
    );
  }
}

if (require.main === module) benchInsights();
