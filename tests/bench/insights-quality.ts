import { LANGUAGES } from '../../server/src/modules/insights/languages';
import { extractInsight } from '../../server/src/modules/insights/extract';
import { baselineSentiment, baselineThemes } from '../fixtures/insights/baseline';
import { DATASET_LANGUAGES, loadDataset, type Split } from '../fixtures/insights/dataset';
import { aspectKeys, macroF1, themeQuality } from '../fixtures/insights/evaluate';

/**
 * `npx tsx tests/bench/insights-quality.ts [test|tune]`: sentiment macro-F1 and theme precision
 * and recall per language, off the shelf (wink-nlp / nlp.js, every non-stop word a theme) and
 * with Pulse's extraction, on the test half unless told otherwise.
 */
export async function insightsQuality(split: Split = 'test') {
  console.log(`Text insights on the ${split} half (labelled set in tests/fixtures/insights)`);
  console.log('lang  n    sentiment macro-F1 before → after   theme precision before → after   recall after');
  for (const language of DATASET_LANGUAGES) {
    const rows = loadDataset(language, split);
    const base = await baselineSentiment(rows);
    const before = macroF1(rows, (_r) => base[rows.indexOf(_r)]!).macroF1;
    const after = macroF1(rows, (r) => extractInsight({ text: r.text, locale: r.language }).sentiment.label).macroF1;
    const themesBefore = themeQuality(rows, (r) => baselineThemes(r, LANGUAGES[language].stopwords));
    const themesAfter = themeQuality(rows, aspectKeys);
    console.log(
      `${language.padEnd(5)} ${String(rows.length).padEnd(4)} ${before.toFixed(3)} → ${after.toFixed(3)}` +
        `                     ${themesBefore.precision.toFixed(3)} → ${themesAfter.precision.toFixed(3)}` +
        `                    ${themesAfter.recall.toFixed(3)}`,
    );
  }
}

if (require.main === module) void insightsQuality((process.argv[2] as Split | undefined) ?? 'test');
