// The real worker process (server/src/start-worker.ts) with the crash probe's subscribers added.
import { WORKER_MODULES } from '../../../../server/src/registry';
import { startWorker } from '../../../../server/src/start-worker';
import { crashProbeModule } from './crash-probe';

startWorker([...WORKER_MODULES, crashProbeModule]).catch((err) => {
  console.error('crash worker failed to start:', err);
  process.exit(1);
});
