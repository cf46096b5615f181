import { bindClock } from '../../../server/src/lib/clock';
import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { addTeammate, signUpOwner, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { until } from '../../setup/until';

// One virtual hour passes in 100 ms of BullMQ delay.
const SPEED = 36_000;

let h: Harness;
let owner: Teammate;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  bindClock({ now: () => new Date(), delayUntil: (at) => Math.max(0, (at.getTime() - Date.now()) / SPEED) });
  h.startWorker();
});
afterAll(async () => {
  bindClock();
  await h.close();
});

const team = async (name: string, members: Teammate[]) =>
  (
    await owner.agent
      .post('/api/v1/teams')
      .send({ name, memberIds: members.map((m) => m.session.user.id) })
      .expect(201)
  ).body.team as { id: string };

const mailsOf = (caseId: string) =>
  EmailModel.find({ organisationId: owner.organisationId, kind: 'case.escalation', relatedId: caseId }).lean();

describe('SLA escalation to a team', () => {
  it("'notify team' mails the case's team at the warning and the chosen team at the breach, nobody else", async () => {
    const [support1, support2, lead, bystander] = await Promise.all(
      [1, 2, 3, 4].map(() => addTeammate(h.app, owner.organisationId, 'editor')),
    );
    const support = await team('Support', [support1!, support2!]);
    const leads = await team('Leads', [lead!]);
    const tp = await buildTouchpoint({ org: owner });
    await owner.agent
      .post('/api/v1/assignment-rules')
      .send({ name: 'All repairs', touchpointId: tp.id, teamId: support.id })
      .expect(201);
    const bad = await owner.agent
      .post('/api/v1/sla/policies')
      .send({
        name: 'Bad',
        touchpointId: tp.id,
        clock: '24/7',
        firstResponseMinutes: 60,
        resolutionMinutes: 120,
        escalations: [{ percent: 50, notify: ['team'], teamId: '0123456789abcdef01234567' }],
      })
      .expect(400);
    expect(bad.body.error.details[0].path).toBe('body.escalations.0.teamId');
    await owner.agent
      .post('/api/v1/sla/policies')
      .send({
        name: 'Repairs',
        touchpointId: tp.id,
        clock: '24/7',
        firstResponseMinutes: 60,
        resolutionMinutes: 120,
        escalations: [
          { percent: 50, notify: ['team'] },
          { percent: 100, notify: ['team'], teamId: leads.id },
        ],
      })
      .expect(201);

    const r = await answerAsContact(ctx, 1, { touchpointId: tp.id });
    const c = (await owner.agent.post('/api/v1/cases').send({ responseId: r.responseId }).expect(201)).body.case;
    expect(c.teamId).toBe(support.id);

    const mails = await until(
      () => mailsOf(c.id),
      (m) => m.length === 3,
      20_000,
    );
    const byStep = (text: string) =>
      mails
        .filter((m) => m.text.includes(text))
        .map((m) => m.to)
        .sort();
    expect(byStep('50% of the resolution time')).toEqual([support1!.email, support2!.email].sort());
    expect(byStep('target was missed')).toEqual([lead!.email]);
    expect(mails.map((m) => m.to)).not.toContain(bystander!.email);
    expect(mails.map((m) => m.to)).not.toContain(owner.email);
  });
});
