import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { DomainEventModel } from '../../../server/src/lib/events/event.model';
import { AlertFiringModel } from '../../../server/src/modules/alerts/alert-firing.model';
import { evaluateAlertRules, mailAlertRecipients } from '../../../server/src/modules/alerts/alerts.events';
import { CaseModel } from '../../../server/src/modules/cases/case.model';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;
const manager = uniqueEmail('manager');

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  await owner.agent
    .post('/api/v1/alert-rules')
    .send({
      name: 'Unhappy and said why',
      groups: [[{ field: 'band', in: ['detractor'] }, { field: 'hasComment' }]],
      priority: 'high',
      channels: { emails: [manager] },
      openCase: true,
      slaHours: 24,
    })
    .expect(201);
});
afterAll(() => h.close());

const answer = (score: number) => answerAsContact(ctx, score);

const countsFor = async (responseId: string) => ({
  firings: await AlertFiringModel.countDocuments({ organisationId: owner.organisationId, responseId }),
  cases: await CaseModel.countDocuments({ organisationId: owner.organisationId, responseId }),
  alertEvents: (
    await DomainEventModel.find({ organisationId: owner.organisationId, type: 'alert.triggered' }).lean()
  ).filter((e) => (e.data as { responseId?: string }).responseId === responseId).length,
});

const eventsOf = async (type: string, responseId: string) =>
  (await DomainEventModel.find({ organisationId: owner.organisationId, type }).lean()).filter(
    (e) => (e.data as { responseId?: string }).responseId === responseId,
  );

describe('alert rules on response events', () => {
  it('when a detractor adds a comment after completing, then one alert fires, one case opens and the manager gets one mail', async () => {
    const r = await answer(3);
    await h.eventsSettled();
    // Completed without a comment: the rule needs one.
    expect(await countsFor(r.responseId)).toEqual({ firings: 0, cases: 0, alertEvents: 0 });

    await r.comment('The technician never came');
    await h.eventsSettled();
    expect(await countsFor(r.responseId)).toEqual({ firings: 1, cases: 1, alertEvents: 1 });
    const opened = await CaseModel.findOne({ organisationId: owner.organisationId, responseId: r.responseId }).lean();
    expect(opened).toMatchObject({
      status: 'new',
      priority: 'high',
      openedBy: 'rule',
      snapshot: { score: 3, band: 'detractor', comment: 'The technician never came', contactEmail: r.contact.email },
    });
    const [mail] = await waitForMail(manager);
    expect(mail!.subject).toContain('Unhappy and said why');
    expect(mail!.text).toContain('The technician never came');

    // A later change to the comment runs the rules again; the rule has fired for this response.
    await r.comment('The technician never came, and nobody called');
    await h.eventsSettled();
    expect(await countsFor(r.responseId)).toEqual({ firings: 1, cases: 1, alertEvents: 1 });

    // Every event delivered again (at-least-once delivery): still one of each.
    for (const type of ['response.completed', 'response.updated']) {
      for (const e of await eventsOf(type, r.responseId)) await evaluateAlertRules.handle(e, { log: h.log });
    }
    for (const e of await eventsOf('alert.triggered', r.responseId))
      await mailAlertRecipients.handle(e, { log: h.log });
    await h.eventsSettled();
    expect(await countsFor(r.responseId)).toEqual({ firings: 1, cases: 1, alertEvents: 1 });
    expect(
      await EmailModel.countDocuments({ organisationId: owner.organisationId, kind: 'alert.triggered', to: manager }),
    ).toBe(1);
  });

  it('when a passive answers with a comment, then no rule fires and no case opens', async () => {
    const r = await answer(7);
    await r.comment('It was fine, the technician came late');
    await h.eventsSettled();
    expect(await countsFor(r.responseId)).toEqual({ firings: 0, cases: 0, alertEvents: 0 });
  });
});
