import type { Logger } from '../../lib/logger';
import { systemContext } from '../../lib/context';
import { derivedId } from '../../lib/derived-id';
import { settings } from '../../lib/settings';
import { sendOrganisationEmail } from '../mail/mail.service';
import { listMembers } from '../members/members.service';
import { webhookDisabledMail } from './webhooks.emails';
import { WebhookEndpointModel, type WebhookEndpointDoc } from './webhook-endpoint.model';

/** Every attempt failed for this long (retries included, nothing delivered): the endpoint is disabled. */
export const FAILING_DAYS_BEFORE_DISABLE = 3;
const FAILING_MS = FAILING_DAYS_BEFORE_DISABLE * 86_400_000;

type Endpoint = Pick<WebhookEndpointDoc, '_id' | 'organisationId' | 'url' | 'failingSince'>;

/** A delivered attempt ends a failing streak. */
export async function recordDelivered(endpoint: Endpoint) {
  if (!endpoint.failingSince) return;
  await WebhookEndpointModel.updateOne(
    { _id: endpoint._id, organisationId: endpoint.organisationId },
    { $set: { failingSince: null } },
  );
}

/**
 * A failed attempt starts a streak, or, when the streak is days old, disables the endpoint and
 * tells the organisation's owners and admins. The mail's id is derived from the endpoint and the
 * streak, so two workers that both see the streak expire send it once.
 */
export async function recordFailed(endpoint: Endpoint, log: Logger, now = new Date()) {
  const organisationId = String(endpoint.organisationId);
  if (!endpoint.failingSince) {
    await WebhookEndpointModel.updateOne(
      { _id: endpoint._id, organisationId, failingSince: null },
      { $set: { failingSince: now } },
    );
    return;
  }
  if (now.getTime() - endpoint.failingSince.getTime() < FAILING_MS) return;
  const since = endpoint.failingSince;
  const reason = `Every delivery failed since ${since.toISOString().slice(0, 10)} (${FAILING_DAYS_BEFORE_DISABLE}+ days)`;
  await WebhookEndpointModel.updateOne(
    { _id: endpoint._id, organisationId, enabled: true },
    { $set: { enabled: false, disabledReason: reason } },
  );
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
