import { randomUUID } from 'node:crypto';

import type { ApiKeyScope, Role } from '@pulse/shared/permissions';

import { hashPassword } from '../../server/src/lib/passwords';
import { settings } from '../../server/src/lib/settings';
import { issueSecret } from '../../server/src/lib/tokens';
import { ApiKeyModel } from '../../server/src/modules/api-keys/api-key.model';
import { UserModel } from '../../server/src/modules/auth/user.model';
import { MembershipModel } from '../../server/src/modules/members/membership.model';
import { OrganisationModel } from '../../server/src/modules/organisations/organisation.model';
import { PASSWORD } from './accounts';

/**
 * Factories that write straight to the database, for tests whose subject is not sign-up or the
 * invitation flow (those have their own tests through the API). Each creates what it needs and
 * its parents when none is given, with unique data per call, and takes overrides.
 */
const unique = () => randomUUID().slice(0, 8);

type Overrides<T> = Partial<T> & Record<string, unknown>;
type OrgRef = { _id: unknown } | { organisationId: string };
const orgIdOf = (org: OrgRef) => ('organisationId' in org ? org.organisationId : String(org._id));

export async function buildOrganisation(
  overrides: Overrides<{
    name: string;
    senderName: string;
    senderEmail: string | null;
    timeZone: string;
    defaultLanguage: string;
  }> = {},
) {
  const name = `Org ${unique()}`;
  return (await OrganisationModel.create({ name, senderName: name, ...overrides })).toObject();
}

export async function buildUser(
  overrides: Overrides<{ email: string; name: string; password: string; emailVerifiedAt: Date | null }> = {},
) {
  const id = unique();
  const { password = PASSWORD, ...rest } = overrides;
  return (
    await UserModel.create({
      email: `person-${id}@example.test`,
      name: `Person ${id}`,
      passwordHash: await hashPassword(password),
      emailVerifiedAt: new Date(),
      ...rest,
    })
  ).toObject();
}

/** A person with `role` in `org` (a new organisation when none is given): the user, their membership, the org. */
export async function buildMember(opts: { org?: OrgRef; role?: Role; user?: Parameters<typeof buildUser>[0] } = {}) {
  const organisationId = opts.org ? orgIdOf(opts.org) : String((await buildOrganisation())._id);
  const user = await buildUser({ lastOrganisationId: organisationId, ...opts.user });
  const membership = (
    await MembershipModel.create({ organisationId, userId: user._id, role: opts.role ?? 'viewer' })
  ).toObject();
  return { organisationId, user, membership };
}

/**
 * An API key of `org` (a new organisation when none is given) that authenticates: `secret` is
 * the Bearer token, hashed with the app's secret key exactly as createApiKey does.
 */
export async function buildApiKey(
  opts: { org?: OrgRef; scopes?: ApiKeyScope[]; name?: string; revokedAt?: Date | null } = {},
) {
  const organisationId = opts.org ? orgIdOf(opts.org) : String((await buildOrganisation())._id);
  const { id, token, hash } = issueSecret('pulse', settings().secretKey);
  const apiKey = (
    await ApiKeyModel.create({
      _id: id,
      organisationId,
      name: opts.name ?? `Key ${unique()}`,
      prefix: token.slice(0, 'pulse'.length + 1 + 24),
      hash,
      scopes: opts.scopes ?? ['responses:read'],
      createdBy: null,
      createdByName: 'Factory',
      revokedAt: opts.revokedAt ?? null,
    })
  ).toObject();
  return { organisationId, apiKey, secret: token };
}
