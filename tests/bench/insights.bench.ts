import { extractInsight } from '../../server/src/modules/insights/extract';
import { DATASET_LANGUAGES, loadDataset } from '../fixtures/insights/dataset';

const ROUNDS = 4;

/**
 * Extraction throughput (normalise, language, terms, sentiment) over the labelled comments, per
 * language. Counted per CPU-second of this process, which is what "per core" means and what a
 * shared, loaded machine still measures fairly; wall-clock rate is printed beside it.
 */
export function benchInsights(): void {
  for (const language of DATASET_LANGUAGES) {
    const texts = loadDataset(language).map((r) => r.text);
    for (const text of texts) extractInsight({ text, locale: language }); // warm up the JIT and caches
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let n = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const text of texts) {
        extractInsight({ text, locale: language });
        n += 1;
      }
    }
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const wallSeconds = (performance.now() - t0) / 1000;
    console.log(
      `  extract ${language}: ${n} comments, ${Math.round(n / cpuSeconds)} comments per CPU-second ` +
        `(${Math.round(n / wallSeconds)}/s wall clock, ${((cpuSeconds / n) * 1000).toFixed(3)} ms CPU each)`,
    );
  }
}

if (require.main === module) benchInsights();
