import type { Job, Queue, Worker } from 'bullmq';

/**
 * Resolves when the job has completed and rejects with its error once it has failed for good,
 * listening to the test's own workers (in-process events, so nothing is missed between checking
 * the state and listening).
 */
export function jobFinished(queue: Queue, workers: Worker[], job: Job): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const cleanup = () => {
      for (const w of workers) {
        w.off('completed', onCompleted);
        w.off('failed', onFailed);
      }
    };
    const settle = async (state: string) => {
      if (state !== 'completed' && state !== 'failed') return;
      cleanup();
      // Read after the state: the reason is written in the same step that marks it failed.
      if (state === 'completed') resolve();
      else reject(new Error((await queue.getJob(job.id!))?.failedReason));
    };
    const same = (other: Job | undefined) => other?.id === job.id && other?.queueName === job.queueName;
    const onCompleted = (done: Job) => {
      if (same(done)) void settle('completed');
    };
    const onFailed = (failed: Job | undefined) => {
      // A failed attempt that will be retried leaves the job delayed or waiting, not failed.
      if (same(failed)) void queue.getJobState(job.id!).then(settle);
    };
    for (const w of workers) {
      w.on('completed', onCompleted);
      w.on('failed', onFailed);
    }
    void queue.getJobState(job.id!).then(settle);
  });
}
