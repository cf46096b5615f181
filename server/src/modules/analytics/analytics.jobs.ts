import type { AnyJobDef } from '../../lib/jobs';
import { RebuildRollups } from './rebuild-rollups.job';

/** The analytics module's jobs, collected by server/src/registry.ts. */
export const analyticsJobs: AnyJobDef[] = [RebuildRollups];
