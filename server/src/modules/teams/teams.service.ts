import type { CreateTeamBody, UpdateTeamBody } from '@pulse/shared/schemas/teams';

import type { Ctx } from '../../lib/context';
import { isDuplicateKey } from '../../lib/derived-id';
import { AppError, notFound } from '../../lib/errors';
import { listMembers } from '../members/members.service';
import { AssignmentRuleModel } from './assignment-rule.model';
import { TeamModel, type TeamDoc } from './team.model';

type OrgCtx = Pick<Ctx, 'organisationId'>;

const nameTaken = () =>
  new AppError('conflict', 'A team with this name exists', [{ path: 'body.name', message: 'is taken' }]);

/** The organisation's members by user id, with their membership (the id cases are assigned to). */
async function membersByUser(ctx: OrgCtx) {
  const { members } = await listMembers(ctx);
  return new Map(members.map((m) => [String(m.user._id), m]));
}

/** Every id must be a user of this organisation: a team never reaches into another one. */
export async function assertMembers(ctx: OrgCtx, userIds: readonly string[], path: (i: number) => string) {
  if (userIds.length === 0) return;
  const members = await membersByUser(ctx);
  const stranger = userIds.findIndex((id) => !members.has(id));
  if (stranger >= 0) {
    throw new AppError('validation_failed', 'Someone named is not a member of this organisation', [
      { path: path(stranger), message: 'must be a member of this organisation' },
    ]);
  }
}

export const listTeams = (ctx: OrgCtx) =>
  TeamModel.find({ organisationId: ctx.organisationId }).sort({ name: 1, _id: 1 }).lean<TeamDoc[]>();

export async function getTeam(ctx: OrgCtx, teamId: string): Promise<TeamDoc> {
  const team = await TeamModel.findOne({ _id: teamId, organisationId: ctx.organisationId }).lean<TeamDoc>();
  if (!team) throw notFound('Team');
  return team;
}

/** Every id must be a team of this organisation; the error names the field that listed it. */
export async function assertTeams(ctx: OrgCtx, teamIds: readonly string[], path: (i: number) => string) {
  if (teamIds.length === 0) return;
  const known = new Set((await listTeams(ctx)).map((t) => String(t._id)));
  const unknown = teamIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw new AppError('validation_failed', 'Unknown team', [
      { path: path(unknown), message: 'must be a team of this organisation' },
    ]);
  }
}

export async function createTeam(ctx: Ctx, body: CreateTeamBody): Promise<TeamDoc> {
  await assertMembers(ctx, body.memberIds, (i) => `body.memberIds.${i}`);
  try {
    const team = await TeamModel.create({ organisationId: ctx.organisationId, ...body });
    return team.toObject() as TeamDoc;
  } catch (err) {
    throw isDuplicateKey(err) ? nameTaken() : err;
  }
}

export async function updateTeam(ctx: Ctx, teamId: string, body: UpdateTeamBody): Promise<TeamDoc> {
  if (body.memberIds) await assertMembers(ctx, body.memberIds, (i) => `body.memberIds.${i}`);
  const team = await TeamModel.findOneAndUpdate(
    { _id: teamId, organisationId: ctx.organisationId },
    { $set: body },
    { returnDocument: 'after' },
  )
    .lean<TeamDoc>()
    .catch((err: unknown) => {
      throw isDuplicateKey(err) ? nameTaken() : err;
    });
  if (!team) throw notFound('Team');
  return team;
}

/** The team's assignment rules go with it: a rule for no team would assign nowhere. */
export async function deleteTeam(ctx: Ctx, teamId: string): Promise<void> {
  const team = await TeamModel.findOneAndDelete({ _id: teamId, organisationId: ctx.organisationId }).lean<TeamDoc>();
  if (!team) throw notFound('Team');
  await AssignmentRuleModel.deleteMany({ organisationId: ctx.organisationId, teamId: team._id });
}

/** The teams a user belongs to (the "my team" inbox): read whole, an organisation has few teams. */
export async function teamIdsOfUser(ctx: OrgCtx, userId: string): Promise<string[]> {
  return (await listTeams(ctx))
    .filter((t) => t.memberIds.some((id) => String(id) === userId))
    .map((t) => String(t._id));
}

/**
 * The current members of a team, in the team's order, with the membership cases are assigned
 * to; someone who left the organisation since is skipped.
 */
export async function teamMembers(ctx: OrgCtx, team: Pick<TeamDoc, 'memberIds'>) {
  const members = await membersByUser(ctx);
  return team.memberIds.flatMap((id) => {
    const m = members.get(String(id));
    return m ? [{ userId: String(id), membershipId: String(m.membership._id), email: m.user.email }] : [];
  });
}

/** The addresses of everyone in these teams, once each: resolved when the mail goes out. */
export async function teamEmails(ctx: OrgCtx, teamIds: readonly string[]): Promise<string[]> {
  if (teamIds.length === 0) return [];
  const wanted = new Set(teamIds.map(String));
  const teams = (await listTeams(ctx)).filter((t) => wanted.has(String(t._id)));
  const members = await membersByUser(ctx);
  const emails = teams.flatMap((t) => t.memberIds.flatMap((id) => members.get(String(id))?.user.email ?? []));
  return [...new Set(emails)].sort();
}

/** The addresses of these users who are still members, once each. */
export async function userEmails(ctx: OrgCtx, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const members = await membersByUser(ctx);
  return [...new Set(userIds.flatMap((id) => members.get(String(id))?.user.email ?? []))].sort();
}

/** The membership a user holds here (what a case's assignee is), or null once they left. */
export async function membershipOfUser(ctx: OrgCtx, userId: string): Promise<string | null> {
  const m = (await membersByUser(ctx)).get(userId);
  return m ? String(m.membership._id) : null;
}
