import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { derivedId } from '../../../server/src/lib/derived-id';
import { DomainEventModel } from '../../../server/src/lib/events/event.model';
import { AlertFiringModel } from '../../../server/src/modules/alerts/alert-firing.model';
import { CaseModel } from '../../../server/src/modules/cases/case.model';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;
const manager = uniqueEmail('manager');

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
});
afterAll(() => h.close());

const count = async (type: string, responseId: string) =>
  (await DomainEventModel.find({ organisationId: owner.organisationId, type }).lean()).filter(
    (e) => (e.data as { responseId?: string }).responseId === responseId,
  ).length;

describe('alert firing across a worker that died', () => {
  it('when a worker was killed between recording the firing and announcing it, then the next worker finishes it exactly once', async () => {
    const { body } = await owner.agent
      .post('/api/v1/alert-rules')
      .send({
        name: 'Detractors',
        groups: [
          [
            { field: 'band', in: ['detractor'] },
            { field: 'keywords', any: ['technician'] },
          ],
        ],
        channels: { emails: [manager] },
        slaHours: 8,
      })
      .expect(201);
    const r = await answerAsContact(ctx, 2);
    await r.comment('The Technician never came.');
    // No worker has run yet. The first one got as far as the firing insert, then died.
    await AlertFiringModel.create({
      _id: derivedId('alert', body.rule.id, r.responseId),
      organisationId: owner.organisationId,
      ruleId: body.rule.id,
      responseId: r.responseId,
      trigger: 'response.updated#4',
    });

    // The restarted worker takes every dispatch that never settled, the dead one's included.
    h.startWorker();
    await h.eventsSettled();

    const firing = await AlertFiringModel.findOne({
      organisationId: owner.organisationId,
      responseId: r.responseId,
    }).lean();
    expect(firing!.announcedAt).toBeInstanceOf(Date);
    expect(
      await AlertFiringModel.countDocuments({ organisationId: owner.organisationId, responseId: r.responseId }),
    ).toBe(1);
    expect(await CaseModel.countDocuments({ organisationId: owner.organisationId, responseId: r.responseId })).toBe(1);
    expect(await count('alert.triggered', r.responseId)).toBe(1);
    expect(await count('case.created', r.responseId)).toBe(1);
    expect(await EmailModel.countDocuments({ organisationId: owner.organisationId, kind: 'alert.triggered' })).toBe(1);
  });
});
