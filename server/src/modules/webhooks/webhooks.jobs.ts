import { deliverWebhookJob } from './deliver-webhook.job';
import { fanOutWebhooksJob } from './fan-out-webhooks.job';

export const webhookJobs = [fanOutWebhooksJob, deliverWebhookJob];
