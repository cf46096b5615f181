import { STYLES } from '../../respondent/respondent.styles';

/**
 * The widget panel's stylesheet, inside its shadow root. `:host` resets every property the page
 * could pass down by inheritance, with !important: in the cascade an !important rule of the
 * shadow tree beats the page's, so not even `* { color: red !important }` reaches in. Selectors
 * of the page never match inside a shadow root. Then the respondent pages' own styles, and the
 * panel's placement (bottom corner, full width on a phone).
 */
export const WIDGET_STYLES = `
:host{all:initial !important;display:block !important;position:fixed !important;inset-block-end:1rem !important;inset-inline-end:1rem !important;z-index:2147483000 !important;width:min(24rem,calc(100vw - 2rem)) !important;max-height:calc(100vh - 2rem) !important;overflow:auto !important;visibility:visible !important;opacity:1 !important;transform:none !important}
${STYLES}
.panel{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;text-align:start}
.card{position:relative;box-shadow:0 8px 24px rgba(31,35,40,.2);padding:1.25rem}
h2{font-size:1.1rem;line-height:1.35;margin-block:0 1rem;margin-inline:0 2rem;font-weight:600}
.primary legend{font-size:1.1rem}
.scale.number{display:grid;grid-template-columns:repeat(auto-fill,minmax(2.75rem,1fr))}
.choice label{min-width:0}
.ends span:last-child{text-align:end}
.close{position:absolute;inset-block-start:.5rem;inset-inline-end:.5rem;min-height:2.75rem;min-width:2.75rem;padding:0;background:transparent;color:#1f2328;font-size:1.5rem;line-height:1}
.close:focus-visible{outline:3px solid #1f2328;outline-offset:2px}
button[disabled]{opacity:.6;cursor:progress}
`;
