import type { AnyJobDef } from '../../lib/jobs';
import { DeliverChat } from './deliver-chat.job';
import { SendAlertDigests } from './send-alert-digests.job';
import { SweepUnanswered } from './sweep-unanswered.job';

export const alertJobs: AnyJobDef[] = [DeliverChat, SendAlertDigests, SweepUnanswered];
