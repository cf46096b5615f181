import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './lib/logger';

/** Shared start of both entry points: a bad environment stops the process with every bad key named. */
export function boot(name: string): { config: Config; log: Logger } {
  try {
    const config = loadConfig();
    return { config, log: createLogger(config, name) };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`${name}: ${err.message}`);
    process.exit(1);
  }
}
