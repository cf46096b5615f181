import type { CreatedApiKeyResponse } from '@pulse/shared/schemas/api-keys';
import type { Invitation } from '@pulse/shared/schemas/members';

import {
  addTeammate,
  createApiKey,
  inviteTeammate,
  signUpOwner,
  uniqueEmail,
  type Teammate,
} from '../../factories/accounts';
import { systemContext } from '../../../server/src/lib/context';
import { openCase } from '../../../server/src/modules/cases/cases.service';
import { buildContact, buildTouchpoint } from '../../factories/distribution';
import { answerAsContact } from '../../factories/feedback';
import { buildWebhookEndpoint } from '../../factories/webhooks';
import { buildSurvey, type BuiltSurvey } from '../../factories/surveys';
import { startHarness, type Harness } from '../../setup/harness';
import { call, fillPath, isPublic, nameOf, operationsOf, unknownId, type Operation } from '../support/operations';
import { exampleBody, FIXED_PARAMS } from '../support/examples';
import { snapshotOrganisation } from '../support/snapshot';

let h: Harness;
let a: Org;
let b: Org;

interface Org {
  owner: Teammate;
  member: Teammate;
  invitation: Invitation;
  apiKey: CreatedApiKeyResponse;
  touchpointId: string;
  contactId: string;
  survey: BuiltSurvey;
  ruleId: string;
  caseId: string;
  endpointId: string;
  deliveryId: string;
  linkId: string;
  policyId: string;
  teamId: string;
  assignmentRuleId: string;
  subscriptionId: string;
}

async function buildOrg(): Promise<Org> {
  const owner = await signUpOwner(h.app);
  const rule = await owner.agent
    .post('/api/v1/alert-rules')
    .send({ name: 'Detractors', groups: [[{ field: 'band', in: ['detractor'] }]], slaHours: 24, openCase: false })
    .expect(201);
  const ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  const survey = await buildSurvey({ org: owner, kind: 'nps', name: `Survey of ${owner.email}` });
  const answered = await answerAsContact(ctx, 2, { survey });
  const opened = await openCase(ctx, {
    responseId: answered.responseId,
    ruleId: null,
    priority: 'normal',
    slaHours: 24,
  });
  const hooks = await buildWebhookEndpoint({ org: owner });
  const link = await owner.agent
    .post('/api/v1/shared-links')
    .send({ name: 'Board', selection: { lastDays: 30 }, expiresIn: 'never' })
    .expect(201);
  const policy = await owner.agent
    .post('/api/v1/sla/policies')
    .send({ name: 'Default', clock: '24/7', firstResponseMinutes: 60, resolutionMinutes: 240, escalations: [] })
    .expect(201);
  const team = await owner.agent.post('/api/v1/teams').send({ name: 'Support' }).expect(201);
  const touchpointId = (await buildTouchpoint({ org: owner })).id;
  const assignment = await owner.agent
    .post('/api/v1/assignment-rules')
    .send({ name: 'Support cases', touchpointId, teamId: team.body.team.id })
    .expect(201);
  const recipient = await owner.agent
    .post('/api/v1/digests/recipients')
    .send({ email: uniqueEmail(), frequency: 'weekly', hour: 8, timeZone: 'Europe/Paris' })
    .expect(201);
  return {
    teamId: team.body.team.id,
    assignmentRuleId: assignment.body.rule.id,
    subscriptionId: recipient.body.subscription.id,
    linkId: link.body.link.id,
    policyId: policy.body.policy.id,
    ruleId: rule.body.rule.id,
    caseId: String(opened._id),
    ...hooks,
    owner,
    member: await addTeammate(h.app, owner.organisationId, 'editor'),
    invitation: await inviteTeammate(owner, 'viewer'),
    apiKey: await createApiKey(owner, ['responses:read']),
    touchpointId,
    contactId: (await buildContact({ org: owner })).id,
    survey,
  };
}

beforeAll(async () => {
  h = await startHarness();
  a = await buildOrg();
  b = await buildOrg();
});
afterAll(() => h.close());

/**
 * B's ids each path parameter is tried with. An operation with a parameter missing here fails the
 * test: a new route with an id in its path must join the matrix.
 */
const idsOf = (org: Org): Record<string, string[]> => ({
  memberId: [org.member.membershipId, org.owner.membershipId],
  invitationId: [org.invitation.id],
  apiKeyId: [org.apiKey.apiKey.id],
  touchpointId: [org.touchpointId],
  contactId: [org.contactId],
  surveyId: [org.survey.id],
  // Alert rules and assignment rules share the parameter's name: B's of both kinds are tried.
  ruleId: [org.ruleId, org.assignmentRuleId],
  caseId: [org.caseId],
  endpointId: [org.endpointId],
  deliveryId: [org.deliveryId],
  linkId: [org.linkId],
  policyId: [org.policyId],
  teamId: [org.teamId],
  subscriptionId: [org.subscriptionId],
});

const FIXED = FIXED_PARAMS;

function bodyFor(op: Operation): object | undefined {
  if (!op.hasBody) return undefined;
  const body = exampleBody(op);
  if (!body) throw new Error(`${nameOf(op)} takes a body: add a valid one to tests/server/support/examples.ts`);
  return body;
}

const errorOf = (res: { status: number; body: { error?: { code: string; message: string; details?: unknown } } }) => ({
  status: res.status,
  code: res.body.error?.code,
  message: res.body.error?.message,
  details: res.body.error?.details,
});

describe('route × tenant matrix', () => {
  it("when A's owner names any of B's ids in a path, then every operation answers exactly as for an id that does not exist, and B is unchanged", async () => {
    // A public operation's path holds a capability (a shared-results token), not a tenant's id.
    const operations = (await operationsOf(h.app)).filter((op) => op.pathParams.length > 0 && !isPublic(op));
    // Today: revoke invitation, change role, remove member, revoke API key.
    expect(operations.length).toBeGreaterThanOrEqual(4);
    const ids = idsOf(b);
    const before = await snapshotOrganisation(b.owner.organisationId);

    const answers: Array<{ op: string; id: string; theirs: ReturnType<typeof errorOf> }> = [];
    const expected: typeof answers = [];
    for (const op of operations) {
      for (const param of op.pathParams.filter((p) => !FIXED[p])) {
        if (!ids[param]) throw new Error(`${nameOf(op)}: the matrix has no ids of B for {${param}}; add them to idsOf`);
        const others = Object.fromEntries(op.pathParams.map((p) => [p, FIXED[p] ?? ids[p]?.[0] ?? '']));
        for (const id of ids[param]!) {
          const theirs = await call(a.owner.agent, op, fillPath(op, { ...others, [param]: id }), bodyFor(op));
          const missing = await call(a.owner.agent, op, fillPath(op, { ...others, [param]: unknownId() }), bodyFor(op));
          answers.push({ op: nameOf(op), id, theirs: errorOf(theirs) });
          expected.push({ op: nameOf(op), id, theirs: { ...errorOf(missing), status: 404, code: 'not_found' } });
        }
      }
    }
    expect(answers).toEqual(expected);
    expect(await snapshotOrganisation(b.owner.organisationId)).toEqual(before);
  });

  it("when A's owner lists members, invitations, API keys and the audit log, then nothing of B appears", async () => {
    const traces = {
      organisationId: b.owner.organisationId,
      organisationName: b.owner.session.organisation.name,
      ownerEmail: b.owner.email,
      ownerUserId: b.owner.session.user.id,
      ownerMembershipId: b.owner.membershipId,
      memberEmail: b.member.email,
      memberMembershipId: b.member.membershipId,
      invitationId: b.invitation.id,
      invitationEmail: b.invitation.email,
      apiKeyId: b.apiKey.apiKey.id,
      apiKeyName: b.apiKey.apiKey.name,
      surveyId: b.survey.id,
      surveyKey: b.survey.key,
      surveyName: b.survey.name,
    };
    const members = await a.owner.agent.get('/api/v1/members').expect(200);
    const apiKeys = await a.owner.agent.get('/api/v1/api-keys').expect(200);
    await h.eventsSettled();
    const auditLog = await a.owner.agent.get('/api/v1/audit-log?limit=100').expect(200);
    const surveys = await a.owner.agent.get('/api/v1/surveys').expect(200);

    // A's own data is there, so an empty list cannot pass for isolation.
    expect(members.body.members.map((m: { email: string }) => m.email).sort()).toEqual(
      [a.owner.email, a.member.email].sort(),
    );
    expect(members.body.invitations.map((i: { id: string }) => i.id)).toEqual([a.invitation.id]);
    expect(apiKeys.body.apiKeys.map((k: { id: string }) => k.id)).toEqual([a.apiKey.apiKey.id]);
    expect(surveys.body.surveys.map((s: { id: string }) => s.id)).toEqual([a.survey.id]);
    expect(auditLog.body.events.map((e: { target: string }) => e.target)).toEqual(
      expect.arrayContaining([a.owner.email, a.member.email, a.invitation.email, a.apiKey.apiKey.name]),
    );

    for (const [list, res] of Object.entries({ members, apiKeys, auditLog, surveys })) {
      const text = JSON.stringify(res.body);
      const leaked = Object.entries(traces)
        .filter(([, value]) => text.includes(value))
        .map(([what]) => what);
      expect({ list, leaked }).toEqual({ list, leaked: [] });
    }
  });
});
