import { systemContext } from '../../../server/src/lib/context';
import { AlertFiringModel } from '../../../server/src/modules/alerts/alert-firing.model';
import { sweepUnanswered } from '../../../server/src/modules/alerts/sweep-unanswered.job';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { markResponded } from '../../../server/src/modules/invitations/invitations.service';
import { signUpOwner, uniqueEmail, type Teammate } from '../../factories/accounts';
import { buildInvitation } from '../../factories/responses';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';

let h: Harness;
let owner: Teammate;
const watcher = uniqueEmail('watcher');
const DAY = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  await owner.agent
    .post('/api/v1/alert-rules')
    .send({
      name: 'Silent customers',
      groups: [[{ field: 'band', in: ['detractor'] }]],
      noAnswerDays: 3,
      channels: { emails: [watcher] },
      openCase: false,
      slaHours: 24,
    })
    .expect(201);
});
afterAll(() => h.close());

const firingsFor = (invitationId: string) =>
  AlertFiringModel.countDocuments({ organisationId: owner.organisationId, invitationId, kind: 'no_answer' });

describe('"no answer" alerts', () => {
  it('when an invitation is unanswered after N days, then the rule fires once for it; an answered one, or one not yet due, never', async () => {
    const ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
    const secretKey = h.config.SECRET_KEY;
    const silent = await buildInvitation({ org: owner.organisationId, secretKey });
    const answered = await buildInvitation({ org: owner.organisationId, secretKey });
    await markResponded(ctx, answered.id);

    // Two days on: not due yet.
    await sweepUnanswered(h.log, new Date(Date.now() + 2 * DAY));
    expect(await firingsFor(silent.id)).toBe(0);

    // Four days on, swept twice (the next hour, or a second worker): one firing, one mail.
    const later = new Date(Date.now() + 4 * DAY);
    expect(await sweepUnanswered(h.log, later)).toMatchObject({ fired: 1 });
    expect(await sweepUnanswered(h.log, later)).toMatchObject({ fired: 0 });
    await h.eventsSettled();
    expect(await firingsFor(silent.id)).toBe(1);
    expect(await firingsFor(answered.id)).toBe(0);
    const [mail] = await waitForMail(watcher);
    expect(mail!.subject).toContain(`no answer from ${silent.contact.email} after 3 days`);
    expect(mail!.text).toContain(`/contacts/${silent.contact.id}`);
    expect(
      await EmailModel.countDocuments({ organisationId: owner.organisationId, kind: 'alert.triggered', to: watcher }),
    ).toBe(1);
  });
});
