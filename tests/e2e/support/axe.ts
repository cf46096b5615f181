import fs from 'node:fs';
import path from 'node:path';

import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.1 level A and AA success criteria; best practices and AAA are not in scope. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const AXE_SOURCE = fs.readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');

/**
 * A rule switched off for one element only, because axe is wrong there or the markup is not
 * ours to change. Every entry needs a comment saying which.
 */
export interface AxeException {
  rule: string;
  selector: string;
}

/**
 * Runs axe-core in the page against WCAG 2.1 AA and returns its violations. The page's context
 * must be created with `bypassCSP: true`: the app's Content-Security-Policy forbids the inline
 * script axe is injected as.
 */
export async function axeViolations(page: Page, exceptions: AxeException[] = []): Promise<Result[]> {
  // The root tsconfig has no DOM library: these functions run in the page, where axe is a global.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    const { axe } = globalThis as unknown as { axe: { run(options: RunOptions): Promise<AxeResults> } };
    return (await axe.run({ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
  }, WCAG_21_AA);
  return violations
    .map((violation) => ({
      ...violation,
      nodes: violation.nodes.filter(
        (node) => !exceptions.some((e) => e.rule === violation.id && node.target.some((t) => String(t) === e.selector)),
      ),
    }))
    .filter((violation) => violation.nodes.length > 0);
}

/** One paragraph per violation: rule, impact, what to do, and each element with its markup. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((v) =>
      [
        `${v.id} (${v.impact}): ${v.help}`,
        `  ${v.helpUrl}`,
        ...v.nodes.flatMap((n) => [
          `  - ${n.target.join(' ')}`,
          `      ${n.html.length > 200 ? `${n.html.slice(0, 200)}…` : n.html}`,
          ...(n.failureSummary ?? '').split('\n').map((line) => `      ${line}`),
        ]),
      ].join('\n'),
    )
    .join('\n');
}
