import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { CaseModel } from '../../../server/src/modules/cases/case.model';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { addTeammate, signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { until } from '../../setup/until';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
});
afterAll(() => h.close());

describe('alert mail to teams', () => {
  it("mails the listed addresses and the team's members once each, and the rule's case goes to the team by its assignment rule", async () => {
    const manager = uniqueEmail('manager');
    const [first, second, bystander] = await Promise.all(
      [1, 2, 3].map(() => addTeammate(h.app, owner.organisationId, 'editor')),
    );
    const team = (
      await owner.agent
        .post('/api/v1/teams')
        .send({ name: 'Field service', memberIds: [first!.session.user.id, second!.session.user.id] })
        .expect(201)
    ).body.team as { id: string };
    const tp = await buildTouchpoint({ org: owner });
    await owner.agent
      .post('/api/v1/assignment-rules')
      .send({ name: 'Visits', touchpointId: tp.id, teamId: team.id })
      .expect(201);
    const rule = {
      name: 'Detractors',
      groups: [[{ field: 'band', in: ['detractor'] }]],
      slaHours: 24,
    };
    const bad = await owner.agent
      .post('/api/v1/alert-rules')
      .send({ ...rule, channels: { emails: [manager], teamIds: [team.id, '0123456789abcdef01234567'] } })
      .expect(400);
    expect(bad.body.error.details[0].path).toBe('body.channels.teamIds.1');
    const created = await owner.agent
      .post('/api/v1/alert-rules')
      // The first member is also listed by address: one mail, not two.
      .send({ ...rule, channels: { emails: [manager, first!.email], teamIds: [team.id] } })
      .expect(201);
    expect(created.body.rule.channels).toEqual({
      emails: [manager, first!.email],
      teamIds: [team.id],
      webhook: false,
      attributeEmail: null,
      chatUrl: null,
    });

    const r = await answerAsContact(ctx, 2, { touchpointId: tp.id });
    await h.eventsSettled();
    const mails = await until(
      () => EmailModel.find({ organisationId: owner.organisationId, kind: 'alert.triggered' }).lean(),
      (m) => m.length >= 3,
    );
    expect(mails.map((m) => m.to).sort()).toEqual([manager, first!.email, second!.email].sort());
    expect(mails.map((m) => m.to)).not.toContain(bystander!.email);

    const opened = await CaseModel.findOne({ organisationId: owner.organisationId, responseId: r.responseId }).lean();
    expect(String(opened!.teamId)).toBe(team.id);
    expect([first!.membershipId, second!.membershipId]).toContain(String(opened!.assigneeId));
  });
});
