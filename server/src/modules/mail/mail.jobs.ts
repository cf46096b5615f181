import type { AnyJobDef } from '../../lib/jobs';
import { SendBulkEmail, SendEmail } from './send-email.job';

/** The mail module's jobs, collected by server/src/registry.ts. */
export const mailJobs: AnyJobDef[] = [SendEmail, SendBulkEmail];
