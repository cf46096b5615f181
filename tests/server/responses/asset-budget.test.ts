import { ASSETS, ASSET_BUDGET_BYTES, loadAsset, type AssetName } from '../../../server/src/modules/responding/assets';

// The respondent pages and the widget must load fast on any phone: this fails the test run
// (and so CI) the moment a respondent entry grows past 20 KB of gzipped JavaScript.
describe('respondent scripts', () => {
  it.each(Object.keys(ASSETS) as AssetName[])('%s stays within 20 KB gzip', (name) => {
    const { code, gzipBytes } = loadAsset(name);
    expect(code.length).toBeGreaterThan(100);
    console.log(`${name}: ${code.length} bytes, ${gzipBytes} bytes gzip`);
    expect(gzipBytes).toBeLessThanOrEqual(ASSET_BUDGET_BYTES);
  });
});
