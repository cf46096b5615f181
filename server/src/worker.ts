import { startWorker } from './start-worker';

startWorker().catch((err) => {
  console.error('worker failed to start:', err);
  process.exit(1);
});
