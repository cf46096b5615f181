import type { CreateApiKeyBody } from '@pulse/shared/schemas/api-keys';
import type { ApiKeyScope } from '@pulse/shared/permissions';

import type { Ctx } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { settings } from '../../lib/settings';
import { issueSecret, parseSecret, secretMatches } from '../../lib/tokens';
import { audit } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { sendSecurityNotice } from '../auth/security-notices';
import { listMembers } from '../members/members.service';
import { ApiKeyModel } from './api-key.model';

const PREFIX = 'pulse';
// Writes cost more than reads on the dev database; a minute is precise enough for "last used".
const LAST_USED_RESOLUTION_MS = 60_000;

/** Keys made by someone who has since left say so, rather than naming a stranger as a teammate. */
export async function listApiKeys(ctx: Pick<Ctx, 'organisationId'>) {
  const [keys, { members }] = await Promise.all([
    ApiKeyModel.find({ organisationId: ctx.organisationId }).sort({ _id: -1 }).lean(),
    listMembers(ctx),
  ]);
  const current = new Set(members.map((m) => String(m.user._id)));
  return keys.map((k) =>
    k.createdBy && !current.has(String(k.createdBy)) ? { ...k, createdByName: `${k.createdByName} (removed)` } : k,
  );
}

/** Made by a teammate, or by Pulse itself (the seed script): the key remembers which. */
export async function createApiKey(ctx: Ctx, body: CreateApiKeyBody) {
  const { actor } = ctx;
  if (actor.kind === 'apiKey') throw new AppError('forbidden', 'An API key cannot create API keys');
  const { id, token, hash } = issueSecret(PREFIX, settings().secretKey);
  const apiKey = await ApiKeyModel.create({
    _id: id,
    organisationId: ctx.organisationId,
    name: body.name,
    // Up to the end of the id: not secret, and unlike the id's leading timestamp it tells keys apart.
    prefix: token.slice(0, PREFIX.length + 1 + 24),
    hash,
    scopes: body.scopes,
    createdBy: actor.kind === 'user' ? actor.userId : null,
    createdByName: actor.name,
  });
  await audit(ctx, 'apikey.created', body.name, { scopes: body.scopes.join(' ') });
  // A key acts for the whole organisation: every owner hears of a new one.
  const { members } = await listMembers(ctx);
  for (const owner of members.filter((m) => m.membership.role === 'owner')) {
    await sendSecurityNotice(ctx, owner.user.email, 'A new API key was created in Pulse', [
      `${actor.name} created the API key "${body.name}" with the scopes ${body.scopes.join(', ')}.`,
    ]);
  }
  return { apiKey: apiKey.toObject(), secret: token };
}

export async function revokeApiKey(ctx: Ctx, input: { apiKeyId: string }) {
  const apiKey = await ApiKeyModel.findOneAndUpdate(
    { _id: input.apiKeyId, organisationId: ctx.organisationId, revokedAt: null },
    { $set: { revokedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean();
  if (!apiKey) throw notFound('API key');
  await audit(ctx, 'apikey.revoked', apiKey.name);
}

/** The one deliberate cross-tenant read: the key itself says which organisation it belongs to. */
export async function authenticateApiKey(token: string): Promise<Principal | undefined> {
  const parsed = parseSecret(PREFIX, token);
  if (!parsed) return undefined;
  const apiKey = await ApiKeyModel.findById(parsed.id).setOptions({ crossTenant: true }).lean();
  if (!apiKey || apiKey.revokedAt || !secretMatches(parsed.secret, apiKey.hash, settings().secretKey)) return undefined;
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
