import type { CreateApiKeyBody } from '@pulse/shared/schemas/api-keys';
import type { ApiKeyScope } from '@pulse/shared/permissions';

import { notFound } from '../../lib/errors';
import { issueSecret, parseSecret, secretMatches } from '../../lib/tokens';
import { recordAudit } from '../audit/audit.service';
import type { Principal, UserPrincipal } from '../auth/principal';
import { ApiKeyModel } from './api-key.model';

const PREFIX = 'pulse';
// Writes cost more than reads on the dev database; a minute is precise enough for "last used".
const LAST_USED_RESOLUTION_MS = 60_000;

export const listApiKeys = (organisationId: string) => ApiKeyModel.find({ organisationId }).sort({ _id: -1 }).lean();

export async function createApiKey(
  actor: UserPrincipal,
  body: CreateApiKeyBody,
  ip: string | undefined,
  secretKey: string,
) {
  const { id, token, hash } = issueSecret(PREFIX, secretKey);
  const apiKey = await ApiKeyModel.create({
    _id: id,
    organisationId: actor.organisationId,
    name: body.name,
    // Up to the end of the id: not secret, and unlike the id's leading timestamp it tells keys apart.
    prefix: token.slice(0, PREFIX.length + 1 + 24),
    hash,
    scopes: body.scopes,
    createdBy: actor.userId,
    createdByName: actor.name,
  });
  await recordAudit({
    organisationId: actor.organisationId,
    action: 'apikey.created',
    actor,
    target: body.name,
    details: { scopes: body.scopes.join(' ') },
    ip,
  });
  return { apiKey: apiKey.toObject(), secret: token };
}

export async function revokeApiKey(actor: UserPrincipal, apiKeyId: string, ip: string | undefined) {
  const apiKey = await ApiKeyModel.findOneAndUpdate(
    { _id: apiKeyId, organisationId: actor.organisationId, revokedAt: null },
    { $set: { revokedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean();
  if (!apiKey) throw notFound('API key');
  await recordAudit({ organisationId: actor.organisationId, action: 'apikey.revoked', actor, target: apiKey.name, ip });
}

/** The one deliberate cross-tenant read: the key itself says which organisation it belongs to. */
export async function authenticateApiKey(token: string, secretKey: string): Promise<Principal | undefined> {
  const parsed = parseSecret(PREFIX, token);
  if (!parsed) return undefined;
  const apiKey = await ApiKeyModel.findById(parsed.id).setOptions({ crossTenant: true }).lean();
  if (!apiKey || apiKey.revokedAt || !secretMatches(parsed.secret, apiKey.hash, secretKey)) return undefined;
  const organisationId = String(apiKey.organisationId);
  if (!apiKey.lastUsedAt || Date.now() - apiKey.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await ApiKeyModel.updateOne({ _id: apiKey._id, organisationId }, { $set: { lastUsedAt: new Date() } });
  }
  return {
    kind: 'apiKey',
    organisationId,
    apiKeyId: String(apiKey._id),
    name: apiKey.name,
    scopes: apiKey.scopes as ApiKeyScope[],
  };
}
