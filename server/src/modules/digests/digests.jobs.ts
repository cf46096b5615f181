import type { AnyJobDef } from '../../lib/jobs';
import { EnqueueDigests } from './enqueue-digests.job';
import { SendDigest } from './send-digest.job';

export const digestJobs: AnyJobDef[] = [EnqueueDigests, SendDigest];
