import type { Logger } from './logger';

/**
 * On SIGTERM/SIGINT runs the steps in order (stop intake, drain, close connections), bounded by
 * a timeout so a stuck dependency cannot keep a terminating container alive.
 */
export function onShutdown(log: Logger, timeoutMs: number, steps: Array<[string, () => Promise<unknown>]>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (err) {
        log.error({ err, step: name }, 'shutdown step failed');
      }
    }
    log.info('stopped');
    process.exit(0);
  };
  // `on`, not `once`: Ctrl-C in a terminal can deliver SIGINT twice (to the process group and
  // relayed by a parent); a second signal must not kill a process that is still draining.
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
