/**
 * The page's whole stylesheet, inlined: no request besides the page, mobile-first, logical
 * properties so right-to-left languages mirror, and focus always visible. The accent colour comes
 * in as --accent; the schema guarantees white text on it reaches WCAG AA.
 */
export const STYLES = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f8fa}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.card{background:#fff;border:1px solid #d0d7de;border-radius:12px;padding:1.25rem}
.logo{display:block;max-height:48px;max-width:60%;margin-block-end:1rem}
h1{font-size:1.25rem;line-height:1.35;margin:0 0 1rem}
fieldset{border:0;margin:0 0 1.5rem;padding:0;min-inline-size:0}
legend{font-weight:600;font-size:1.05rem;margin-block-end:.75rem;padding:0}
.primary legend{font-size:1.2rem}
.scale{display:flex;flex-wrap:wrap;gap:.375rem}
.choice{position:relative}
.choice input{position:absolute;opacity:0;inset:0;margin:0;width:100%;height:100%;cursor:pointer}
.choice label{display:flex;align-items:center;justify-content:center;min-width:2.75rem;min-height:2.75rem;padding:.25rem .5rem;border:1px solid #8c959f;border-radius:8px;background:#fff;font-weight:600;cursor:pointer}
.scale.number .choice{flex:1 0 2.75rem}
.scale.star label,.scale.emoji label{font-size:1.6rem;border-color:transparent;background:transparent}
.choice input:checked+label{background:var(--accent);border-color:var(--accent);color:#fff}
.choice input:focus-visible+label{outline:3px solid #1f2328;outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.875rem;color:#57606a;margin-block-start:.5rem}
.options{display:grid;gap:.5rem}
.option{display:flex;align-items:center;gap:.625rem;padding:.625rem .75rem;border:1px solid #d0d7de;border-radius:8px}
.option input{width:1.25rem;height:1.25rem;accent-color:var(--accent);flex:none}
.option input:focus-visible{outline:3px solid #1f2328;outline-offset:2px}
label.text{display:block;font-weight:600;font-size:1.05rem;margin-block-end:.5rem}
textarea,input[type=text]{width:100%;font:inherit;padding:.625rem .75rem;border:1px solid #8c959f;border-radius:8px;background:#fff;color:inherit}
textarea{min-height:6rem;resize:vertical}
textarea:focus-visible,input[type=text]:focus-visible{outline:3px solid var(--accent);outline-offset:1px}
.hint{font-weight:400;color:#57606a;font-size:.875rem}
.error{color:#b42318;font-weight:600;margin:.25rem 0 0}
.summary{border:2px solid #b42318;border-radius:8px;padding:.75rem;margin-block-end:1rem}
button,.button{display:inline-block;font:inherit;font-weight:600;color:#fff;background:var(--accent);border:0;border-radius:8px;padding:.75rem 1.5rem;min-height:2.75rem;cursor:pointer;text-decoration:none}
button:focus-visible,.button:focus-visible{outline:3px solid #1f2328;outline-offset:2px}
.hp{position:absolute;inset-inline-start:-100vw;width:1px;height:1px;overflow:hidden}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
@media (min-width:40rem){main{padding-block-start:3rem}.card{padding:2rem}h1{font-size:1.4rem}}
`;
