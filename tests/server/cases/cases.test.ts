import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { timelineOf } from '../../../server/src/modules/contacts/contacts.service';
import { addTeammate, signUpOwner, type Teammate } from '../../factories/accounts';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';

let h: Harness;
let owner: Teammate;
let ctx: Ctx;

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  h.startWorker();
});
afterAll(() => h.close());

async function openByHand(score = 3) {
  const r = await answerAsContact(ctx, score);
  await r.comment('Nobody came to fix the boiler');
  const res = await owner.agent
    .post('/api/v1/cases')
    .send({ responseId: r.responseId, priority: 'high', slaHours: 4 })
    .expect(201);
  return { r, c: res.body.case };
}

const move = (caseId: string, from: string, status: string) =>
  owner.agent.post(`/api/v1/cases/${caseId}/status`).send({ from, status });

describe('follow-up cases', () => {
  it('when an agent opens a case from a response twice, then there is one case with the snapshot of what was said', async () => {
    const { r, c } = await openByHand();
    expect(c).toMatchObject({
      status: 'new',
      priority: 'high',
      openedBy: 'agent',
      snapshot: {
        score: 3,
        band: 'detractor',
        comment: 'Nobody came to fix the boiler',
        contactEmail: r.contact.email,
      },
    });
    const again = await owner.agent.post('/api/v1/cases').send({ responseId: r.responseId }).expect(201);
    expect(again.body.case.id).toBe(c.id);
    // The response changing later does not rewrite the case.
    await r.comment('Changed my mind about the wording');
    expect((await owner.agent.get(`/api/v1/cases/${c.id}`).expect(200)).body.case.snapshot.comment).toBe(
      'Nobody came to fix the boiler',
    );
  });

  it('moves through the states, refuses a jump the machine has not, answers 409 to a stale status, and reopens', async () => {
    const { c } = await openByHand();
    await move(c.id, 'new', 'open').expect(200);
    await move(c.id, 'open', 'in_progress').expect(200);
    // Another agent saw it as "open": their change is refused instead of overwriting.
    const stale = await move(c.id, 'open', 'waiting_on_customer').expect(409);
    expect(stale.body.error.code).toBe('conflict');
    await move(c.id, 'in_progress', 'waiting_on_customer').expect(200);
    await move(c.id, 'waiting_on_customer', 'resolved').expect(200);
    const jump = await move(c.id, 'resolved', 'in_progress').expect(400);
    expect(jump.body.error.details[0].path).toBe('body.status');

    const closed = await owner.agent
      .post(`/api/v1/cases/${c.id}/close`)
      .send({ rootCause: 'service', resolved: true, note: 'Engineer rebooked' })
      .expect(200);
    expect(closed.body.case).toMatchObject({ status: 'closed', rootCause: 'service', resolved: true });
    const reopened = await move(c.id, 'closed', 'open').expect(200);
    expect(reopened.body.case).toMatchObject({ status: 'open', rootCause: null, resolved: null });
    expect(reopened.body.case.timeline.map((e: { kind: string; to: string | null }) => `${e.kind}:${e.to}`)).toEqual([
      'created:null',
      'status:open',
      'status:in_progress',
      'status:waiting_on_customer',
      'status:resolved',
      'closed:closed',
      'status:open',
    ]);
  });

  it('assigns to a teammate, refuses a stranger, and the inbox shows mine and overdue', async () => {
    const agent = await addTeammate(h.app, owner.organisationId, 'editor');
    const { c } = await openByHand();
    const bad = await owner.agent
      .patch(`/api/v1/cases/${c.id}`)
      .send({ assigneeId: '0123456789abcdef01234567' })
      .expect(400);
    expect(bad.body.error.details[0].path).toBe('body.assigneeId');
    const assigned = await owner.agent
      .patch(`/api/v1/cases/${c.id}`)
      .send({ assigneeId: agent.membershipId, tags: ['boiler'], priority: 'urgent' })
      .expect(200);
    expect(assigned.body.case).toMatchObject({ assigneeId: agent.membershipId, tags: ['boiler'], priority: 'urgent' });
    const mine = await agent.agent.get('/api/v1/cases?view=mine').expect(200);
    expect(mine.body.cases.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect((await owner.agent.get('/api/v1/cases?view=mine').expect(200)).body.cases).toEqual([]);
    // Due in four hours: not overdue yet.
    expect((await owner.agent.get('/api/v1/cases?view=overdue').expect(200)).body.cases).toEqual([]);
    // A viewer reads figures, not people: no cases.
    const viewer = await addTeammate(h.app, owner.organisationId, 'viewer');
    await viewer.agent.get('/api/v1/cases').expect(403);
  });

  it('when the agent replies and resolves, then the customer gets the mail with Reply-To the agent, logged on the case and the contact', async () => {
    const { r, c } = await openByHand();
    const res = await owner.agent
      .post(`/api/v1/cases/${c.id}/reply`)
      .send({
        subject: 'About your boiler',
        message: 'We are sorry.\n\nAn engineer comes tomorrow at 9.',
        resolve: true,
      })
      .expect(200);
    expect(res.body.case).toMatchObject({ status: 'resolved', resolved: true });
    expect(res.body.case.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'reply', 'status']);

    const [mail] = await waitForMail(r.contact.email!);
    expect(mail!.subject).toBe('About your boiler');
    expect(mail!.text).toContain('An engineer comes tomorrow at 9.');
    expect(mail!.headers['reply-to']).toBe(owner.email);
    expect(mail!.from).toContain(owner.session.organisation.name);

    const timeline = await timelineOf(ctx, r.contact.id);
    expect(timeline.map((e) => [e.kind, e.refId])).toEqual(
      expect.arrayContaining([
        ['case', c.id],
        ['case', c.id],
      ]),
    );
    expect(timeline.some((e) => e.summary.includes('About your boiler'))).toBe(true);
  });
});
