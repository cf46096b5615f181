import type { Logger } from '../../lib/logger';
import { systemContext } from '../../lib/context';
import { derivedId } from '../../lib/derived-id';
import { settings } from '../../lib/settings';
import { sendOrganisationEmail } from '../mail/mail.service';
import { listMembers } from '../members/members.service';
import { endpointsChanged } from './webhooks.directory';
import { webhookDisabledMail } from './webhooks.emails';
import { WebhookEndpointModel, type WebhookEndpointDoc } from './webhook-endpoint.model';

/** Every attempt failed for this long (retries included, nothing delivered): the endpoint is disabled. */
export const FAILING_DAYS_BEFORE_DISABLE = 3;
const FAILING_MS = FAILING_DAYS_BEFORE_DISABLE * 86_400_000;

type Endpoint = Pick<WebhookEndpointDoc, '_id' | 'organisationId' | 'url' | 'failingSince'>;

/**
 * The endpoint is this process's copy (webhooks.directory.ts), so the document is written only
 * when the streak starts or ends, not on every attempt: the copy is changed at once, so the
 * attempts in flight here do not write it again, and the other processes reload it.
 */
async function setEndpoint(endpoint: Endpoint, filter: Record<string, unknown>, set: Record<string, unknown>) {
  Object.assign(endpoint, set);
  const organisationId = String(endpoint.organisationId);
  await WebhookEndpointModel.updateOne({ _id: endpoint._id, organisationId, ...filter }, { $set: set });
  await endpointsChanged(organisationId);
}

/** A delivered attempt ends a failing streak. */
export async function recordDelivered(endpoint: Endpoint) {
  if (!endpoint.failingSince) return;
  await setEndpoint(endpoint, {}, { failingSince: null });
}

/** The receiver answered 410 Gone: it asked for no more. */
export const disableGone = (endpoint: Endpoint) =>
  setEndpoint(endpoint, {}, { enabled: false, disabledReason: 'The receiver answered 410 Gone' });

/**
 * A failed attempt starts a streak, or, when the streak is days old, disables the endpoint and
 * tells the organisation's owners and admins. The mail's id is derived from the endpoint and the
 * streak, so two workers that both see the streak expire send it once.
 */
export async function recordFailed(endpoint: Endpoint, log: Logger, now = new Date()) {
  const organisationId = String(endpoint.organisationId);
  if (!endpoint.failingSince) {
    await setEndpoint(endpoint, { failingSince: null }, { failingSince: now });
    return;
  }
  if (now.getTime() - endpoint.failingSince.getTime() < FAILING_MS) return;
  const since = endpoint.failingSince;
  const reason = `Every delivery failed since ${since.toISOString().slice(0, 10)} (${FAILING_DAYS_BEFORE_DISABLE}+ days)`;
  await setEndpoint(endpoint, { enabled: true }, { enabled: false, disabledReason: reason });
  const ctx = systemContext({ organisationId, log, name: 'Webhooks' });
  const { members } = await listMembers(ctx);
  const url = new URL(`/webhooks?endpoint=${String(endpoint._id)}`, settings().publicUrl).toString();
  for (const { membership, user } of members) {
    if (membership.role !== 'owner' && membership.role !== 'admin') continue;
    await sendOrganisationEmail(ctx, webhookDisabledMail(user.email, { url: endpoint.url, reason, link: url }), {
      kind: 'webhook.disabled',
      relatedId: String(endpoint._id),
      readableBy: 'admin',
      id: derivedId('webhook-disabled', String(endpoint._id), since.toISOString(), user.email),
    });
  }
}
