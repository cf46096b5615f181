import { randomBytes } from 'node:crypto';

import type { Response } from 'express';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A host page as unkind as real sites get: global rules on every element, !important
 * everywhere, hidden radio buttons, unset buttons. The widget must look right on it anyway.
 */
const HOSTILE_CSS = `
html{font-size:22px}
*{box-sizing:content-box !important;font-family:"Comic Sans MS",cursive !important;color:#7a0099 !important;line-height:2.6 !important;letter-spacing:.15em !important;text-transform:uppercase !important}
body{margin:0;background:repeating-linear-gradient(45deg,#ff0 0 20px,#0ff 20px 40px)}
div,section,form,fieldset,label,p{border:4px dashed red !important;margin:24px !important;padding:24px !important}
button,input,textarea{all:unset !important;background:lime !important;width:300px !important}
input[type=radio]{display:none !important}
h1,h2{font-size:64px !important}
p{text-align:right !important}
`;

/** The demo host page; `pulseUrl` is where the widget script comes from. */
export function widgetDemoPage(opts: { pulseUrl: string; org: string; touchpoint: string; nonce: string }): string {
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const show = json({ touchpoint: opts.touchpoint, contact: 'demo-visitor' });
  // On /checkout/… pages the rule shows the survey by itself, once per fatigue window.
  const rules = [{ touchpoint: opts.touchpoint, path: '*/checkout/*', delaySeconds: 1 }];
  const init = json({ contact: 'demo-visitor', rules });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Widget demo: a shop with aggressive CSS</title>
<style>${HOSTILE_CSS}</style>
<script src="${escape(opts.pulseUrl)}/widget.js" data-org="${escape(opts.org)}"></script>
</head><body>
<main><h1>Demo shop</h1><p>Every element here has global, !important styles. The survey panel must not care.</p>
<button type="button" id="rate">Rate your visit</button></main>
<script nonce="${opts.nonce}">Pulse.init(${init});
document.getElementById('rate').addEventListener('click', function () { Pulse.show(${show}); });</script>
</body></html>`;
}

/** Sends the demo page with a CSP that allows its one inline script and the widget. */
export function sendWidgetDemo(res: Response, opts: { pulseUrl: string; org: string; touchpoint: string }) {
  const nonce = randomBytes(16).toString('base64');
  res
    .set(
      'Content-Security-Policy',
      `default-src 'self'; script-src 'self' ${opts.pulseUrl} 'nonce-${nonce}'; connect-src 'self' ${opts.pulseUrl}; style-src 'self' 'unsafe-inline'`,
    )
    .set('Cache-Control', 'no-store')
    .type('html')
    .send(widgetDemoPage({ ...opts, nonce }));
}
