import type { AnyJobDef } from './lib/jobs';
import { invitationJobs } from './modules/invitations/invitations.jobs';
import { mailJobs } from './modules/mail/mail.jobs';

/**
 * What each module runs in the worker, collected in one list the bundler can follow (no
 * directory scanning at run time): a module with jobs adds its `<feature>.jobs.ts` list here.
 */
export interface WorkerModule {
  name: string;
  jobs?: AnyJobDef[];
}

export const WORKER_MODULES: WorkerModule[] = [
  { name: 'mail', jobs: mailJobs },
  { name: 'invitations', jobs: invitationJobs },
];

export const workerJobs = (modules: WorkerModule[] = WORKER_MODULES): AnyJobDef[] =>
  modules.flatMap((m) => m.jobs ?? []);
