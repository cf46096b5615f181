import type { CreateSharedLinkBody, ShareExpiry } from '@pulse/shared/schemas/shared-results';

import type { Ctx, PublicCtx } from '../../lib/context';
import { withActor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { settings } from '../../lib/settings';
import { issueSecret, parseSecret, secretMatches } from '../../lib/tokens';
import { listTouchpoints } from '../touchpoints/touchpoints.service';
import { SharedLinkModel, type SharedLinkDoc } from './shared-link.model';

const PREFIX = 'pshr';
const DAY = 86_400_000;
const EXPIRY_DAYS: Record<ShareExpiry, number | null> = { '7d': 7, '30d': 30, '90d': 90, never: null };

const actorLabel = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.email : ctx.actor.name);

/** Creates a link; the token is returned here once and never again. */
export async function createSharedLink(ctx: Ctx, body: CreateSharedLinkBody, now = new Date()) {
  const known = new Set((await listTouchpoints(ctx)).map((t) => String(t._id)));
  body.selection.touchpointIds.forEach((id, i) => {
    if (!known.has(id))
      throw new AppError('validation_failed', 'The selection names an unknown touchpoint', [
        { path: `body.selection.touchpointIds.${i}`, message: 'must be a touchpoint of this organisation' },
      ]);
  });
  const { id, token, hash } = issueSecret(PREFIX, settings().secretKey);
  const days = EXPIRY_DAYS[body.expiresIn];
  const doc = await SharedLinkModel.create({
    _id: id,
    organisationId: ctx.organisationId,
    name: body.name,
    hash,
    selection: {
      kind: body.selection.kind,
      touchpointIds: [...new Set(body.selection.touchpointIds)],
      from: body.selection.from ?? null,
      to: body.selection.to ?? null,
      lastDays: body.selection.from ? null : (body.selection.lastDays ?? 30),
    },
    showComments: body.showComments,
    minGroupSize: body.minGroupSize,
    expiresAt: days === null ? null : new Date(now.getTime() + days * DAY),
    createdBy: actorLabel(ctx),
  });
  return { link: doc.toObject() as SharedLinkDoc, token };
}

export const listSharedLinks = (ctx: Ctx) =>
  SharedLinkModel.find({ organisationId: ctx.organisationId })
    .sort({ createdAt: -1 })
    .limit(200)
    .lean<SharedLinkDoc[]>();

/** Revoking is for good: the public page answers 404 from then on, as for a link that never was. */
export async function revokeSharedLink(ctx: Ctx, linkId: string): Promise<SharedLinkDoc> {
  const where = { _id: linkId, organisationId: ctx.organisationId };
  const doc = await SharedLinkModel.findOne(where).lean<SharedLinkDoc>();
  if (!doc) throw notFound('Shared link');
  if (doc.revokedAt) return doc;
  return (await SharedLinkModel.findOneAndUpdate(
    where,
    { $set: { revokedAt: new Date() } },
    { returnDocument: 'after' },
  ).lean<SharedLinkDoc>())!;
}

/**
 * The link a public token opens, with a context of its organisation; any flaw — malformed,
 * unknown, tampered secret, revoked, expired — is the same 404, so a visitor learns nothing
 * about which links exist.
 */
export async function openSharedLink(ctx: PublicCtx, token: string, now = new Date()) {
  const parsed = parseSecret(PREFIX, token);
  const gone = notFound('Shared results');
  if (!parsed) throw gone;
  // The one cross-tenant read: the token names no organisation until its link is found.
  const link = await SharedLinkModel.findOne({ _id: parsed.id })
    .setOptions({ crossTenant: true })
    .lean<SharedLinkDoc>();
  if (!link || !secretMatches(parsed.secret, link.hash, settings().secretKey)) throw gone;
  if (link.revokedAt || (link.expiresAt && link.expiresAt <= now)) throw gone;
  return { link, ctx: withActor(ctx, String(link.organisationId), { kind: 'system', name: 'Shared results page' }) };
}
