import type { AnyJobDef } from '../../lib/jobs';
import { SweepResponseEvents } from './sweep-response-events.job';

/** The responses module's jobs, collected by server/src/registry.ts. */
export const responseJobs: AnyJobDef[] = [SweepResponseEvents];
