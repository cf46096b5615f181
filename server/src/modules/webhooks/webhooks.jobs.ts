import { deliverWebhookJob } from './deliver-webhook.job';

export const webhookJobs = [deliverWebhookJob];
