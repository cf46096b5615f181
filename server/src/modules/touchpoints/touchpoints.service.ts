import {
  DistributionRules,
  type CreateTouchpointBody,
  type UpdateTouchpointBody,
} from '@pulse/shared/schemas/touchpoints';

import type { Ctx } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { assertMembers, assertTeams } from '../teams/teams.service';
import { TouchpointModel, type TouchpointDoc } from './touchpoint.model';
import { rulesOf } from './touchpoints.presenter';

export type { TouchpointDoc };
export { rulesOf };

const isDuplicateKey = (err: unknown) => (err as { code?: number })?.code === 11000;

/** Journey order: by `order`, then name, so managers read the journey left to right. */
export const listTouchpoints = async (ctx: Ctx): Promise<TouchpointDoc[]> =>
  (await TouchpointModel.find({ organisationId: ctx.organisationId }).lean<TouchpointDoc[]>()).sort(
    (a, b) => a.order - b.order || a.name.localeCompare(b.name),
  );

export async function getTouchpoint(ctx: Ctx, touchpointId: string): Promise<TouchpointDoc> {
  const t = await TouchpointModel.findOne({
    _id: touchpointId,
    organisationId: ctx.organisationId,
  }).lean<TouchpointDoc>();
  if (!t) throw notFound('Touchpoint');
  return t;
}

/** Every touchpoint of the organisation by key: one read per ingest batch. */
export async function touchpointsByKey(ctx: Ctx): Promise<Map<string, TouchpointDoc>> {
  const all = await TouchpointModel.find({ organisationId: ctx.organisationId }).lean<TouchpointDoc[]>();
  return new Map(all.map((t) => [t.key, t]));
}

/** The owners a touchpoint names are this organisation's team and members. */
async function assertOwners(ctx: Ctx, body: Pick<CreateTouchpointBody, 'ownerTeamId' | 'ownerUserIds'>) {
  if (body.ownerTeamId) await assertTeams(ctx, [body.ownerTeamId], () => 'body.ownerTeamId');
  if (body.ownerUserIds) await assertMembers(ctx, body.ownerUserIds, (i) => `body.ownerUserIds.${i}`);
}

export async function createTouchpoint(ctx: Ctx, body: CreateTouchpointBody): Promise<TouchpointDoc> {
  await assertOwners(ctx, body);
  try {
    const created = await TouchpointModel.create({
      organisationId: ctx.organisationId,
      ...body,
      rules: DistributionRules.parse(body.rules ?? { channel: body.defaultChannel }),
    });
    return created.toObject() as TouchpointDoc;
  } catch (err) {
    if (isDuplicateKey(err)) {
      throw new AppError('conflict', 'A touchpoint with this key exists', [{ path: 'body.key', message: 'is taken' }]);
    }
    throw err;
  }
}

export async function updateTouchpoint(ctx: Ctx, touchpointId: string, body: UpdateTouchpointBody) {
  await assertOwners(ctx, body);
  const updated = await TouchpointModel.findOneAndUpdate(
    { _id: touchpointId, organisationId: ctx.organisationId },
    { $set: body },
    { returnDocument: 'after' },
  ).lean<TouchpointDoc>();
  if (!updated) throw notFound('Touchpoint');
  return updated;
}

/** Invitations already made keep their record; the key becomes free again. */
export async function deleteTouchpoint(ctx: Ctx, touchpointId: string): Promise<void> {
  const deleted = await TouchpointModel.findOneAndDelete({
    _id: touchpointId,
    organisationId: ctx.organisationId,
  }).lean<TouchpointDoc>();
  if (!deleted) throw notFound('Touchpoint');
}
