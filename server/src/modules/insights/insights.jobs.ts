import type { AnyJobDef } from '../../lib/jobs';
import { ProcessComment } from './process-comment.job';
import { RebuildCounters } from './rebuild-counters.job';

/** The insights module's jobs, collected by server/src/registry.ts. */
export const insightJobs: AnyJobDef[] = [ProcessComment, RebuildCounters];
