import type { Config } from '../../config';
import { configureWebhookDelivery } from './deliver-webhook.job';
import { configureWebhookAddresses } from './webhooks.address';

/** Bound at boot by the API (URL checks) and the worker (deliveries) from the parsed config. */
export function configureWebhooks(config: Config) {
  configureWebhookAddresses({ allowPrivate: config.WEBHOOK_ALLOW_PRIVATE });
  configureWebhookDelivery({ retryBaseMs: config.WEBHOOK_RETRY_BASE_MS, timeoutMs: config.WEBHOOK_TIMEOUT_MS });
}
