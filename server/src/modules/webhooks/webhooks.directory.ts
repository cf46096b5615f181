import type { WebhookEventType } from '@pulse/shared/schemas/webhooks';

import { boundJobs } from '../../lib/jobs';
import { WebhookEndpointModel, type WebhookEndpointDoc } from './webhook-endpoint.model';

/**
 * Each process's copy of every organisation's endpoints, so an event or an attempt does not read
 * them from the database (on FerretDB/SQLite that read scans the collection). A change to an
 * endpoint bumps the organisation's version in Redis; a lookup compares it with the copy's and
 * reloads when they differ. One Redis GET per lookup, and nothing at all from the database for an
 * organisation without endpoints, which is most of them.
 */
const versionKey = (organisationId: string) => `pulse:webhook-endpoints:${organisationId}`;

interface Entry {
  version: string | null;
  endpoints: WebhookEndpointDoc[];
}

/** Enough for every active organisation; the oldest entry goes first beyond it. */
const MAX_ORGANISATIONS = 10_000;
const entries = new Map<string, Entry>();

/** Every endpoint of the organisation, enabled or not, as of its current version. */
async function endpointsOf(organisationId: string): Promise<WebhookEndpointDoc[]> {
  // The version is read before the endpoints: a change landing in between leaves the copy under
  // the older version, so the next lookup reloads it.
  const version = await boundJobs().redis.get(versionKey(organisationId));
  const cached = entries.get(organisationId);
  if (cached && cached.version === version) return cached.endpoints;
  const endpoints = await WebhookEndpointModel.find({ organisationId }).lean<WebhookEndpointDoc[]>();
  entries.delete(organisationId);
  entries.set(organisationId, { version, endpoints });
  if (entries.size > MAX_ORGANISATIONS) entries.delete(entries.keys().next().value!);
  return endpoints;
}

/** Enabled endpoints that asked for this event type. */
export async function subscribedEndpoints(organisationId: string, type: WebhookEventType) {
  return (await endpointsOf(organisationId)).filter((e) => e.enabled && e.events.includes(type));
}

/** One endpoint of the organisation, null when it is gone. */
export async function endpointById(organisationId: string, endpointId: string) {
  return (await endpointsOf(organisationId)).find((e) => String(e._id) === endpointId) ?? null;
}

/** Called after every write to an organisation's endpoints: each process reloads them once. */
export async function endpointsChanged(organisationId: string): Promise<void> {
  entries.delete(organisationId);
  await boundJobs().redis.incr(versionKey(organisationId));
}
