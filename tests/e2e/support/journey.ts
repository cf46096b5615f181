import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

import { launchBrowser } from './browser';
import { logInAs } from './log-in';
import { startRunningApp, type RunningApp } from './server';

export interface BrowserJourney {
  /** The real app on a real port; read it inside a test or hook, not at module level. */
  readonly app: RunningApp;
  readonly browser: Browser;
  /** A page in a context of its own (its own cookies), closed with the browser. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Logs `who` in through the log-in page in a fresh context, `width` pixels wide. */
  logIn(who: { email: string; password: string }, width?: number): Promise<Page>;
}

// Building the client on a loaded machine takes minutes; this is a ceiling, not a wait.
const BOOT_TIMEOUT_MS = 600_000;

/**
 * Starts the app (with its worker and the built client) and Chromium before the file's tests and
 * closes both after them. A file's own beforeAll, declared after this call, runs after it.
 */
export function useBrowserJourney(env: Parameters<typeof startRunningApp>[0] = {}): BrowserJourney {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startRunningApp(env);
    browser = await launchBrowser();
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useBrowserJourney: the app and browser start in beforeAll');
    return value;
  };
  return {
    get app() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
    newPage: async (options) => (await started(browser).newContext(options)).newPage(),
    logIn: (who, width) => logInAs(started(browser), started(app).url, who, width),
  };
}
