import fs from 'node:fs';

import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './lib/logger';

/** Shared start of both entry points: a bad environment stops the process with every bad key named. */
export function boot(name: string): { config: Config; log: Logger } {
  loadDotEnv();
  try {
    const config = loadConfig();
    const log = createLogger(config, name);
    // A promise nobody awaited failed: the process is in an unknown state. Say so and stop; the
    // supervisor (npm start, Docker, Kubernetes) starts a clean one.
    process.on('unhandledRejection', (reason) => {
      log.fatal({ err: reason }, 'unhandled promise rejection; exiting');
      process.exit(1);
    });
    return { config, log };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`${name}: ${err.message}`);
    process.exit(1);
  }
}

/** `.env` in the working directory, when present, as .env.example promises; the real environment wins. */
export function loadDotEnv(file = '.env'): void {
  if (!fs.existsSync(file)) return;
  process.loadEnvFile(file);
}
