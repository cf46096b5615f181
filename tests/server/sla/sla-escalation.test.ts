import { bindClock } from '../../../server/src/lib/clock';
import { systemContext, type Ctx } from '../../../server/src/lib/context';
import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { SlaFiringModel } from '../../../server/src/modules/sla/sla.model';
import { ESCALATE_CASE, escalationJobId, type EscalatePayload } from '../../../server/src/modules/sla/sla.schedule';
import { addTeammate, signUpOwner, type Teammate } from '../../factories/accounts';
import { buildTouchpoint } from '../../factories/distribution';
import { answerAsContact } from '../../factories/feedback';
import { startHarness, type Harness } from '../../setup/harness';
import { until } from '../../setup/until';

const HOUR = 3_600_000;
// One virtual hour passes in 100 ms of BullMQ delay: Friday evening to Monday noon in ~7 s.
const SPEED = 36_000;
// Friday 4 December 2026, 16:00 in London (GMT).
const FRIDAY_16 = Date.parse('2026-12-04T16:00:00Z');

let h: Harness;
let owner: Teammate;
let agent: Teammate;
let ctx: Ctx;
let business: { id: string };
let allDay: { id: string };

/** Wall time offset to Friday 16:00; job delays on it run SPEED times faster. */
function startOnFriday() {
  const offset = FRIDAY_16 - Date.now();
  const now = () => new Date(Date.now() + offset);
  bindClock({ now, delayUntil: (at) => Math.max(0, (at.getTime() - now().getTime()) / SPEED) });
}

const steps = () => [
  { percent: 75, notify: ['admins'], reassignTo: agent.membershipId },
  { percent: 100, notify: ['assignee'] },
];

beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  agent = await addTeammate(h.app, owner.organisationId, 'editor');
  ctx = systemContext({ organisationId: owner.organisationId, log: h.log });
  const nineToFive = [{ start: '09:00', end: '17:00' }];
  await owner.agent
    .put('/api/v1/sla/calendar')
    .send({
      timeZone: 'Europe/London',
      hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    })
    .expect(200);
  business = await buildTouchpoint({ org: owner.organisationId });
  allDay = await buildTouchpoint({ org: owner.organisationId });
  const policy = { priority: 'normal', firstResponseMinutes: 120, resolutionMinutes: 240, escalations: steps() };
  await owner.agent
    .post('/api/v1/sla/policies')
    .send({ ...policy, name: 'Business hours', touchpointId: business.id, clock: 'business' })
    .expect(201);
  await owner.agent
    .post('/api/v1/sla/policies')
    .send({ ...policy, name: 'Around the clock', touchpointId: allDay.id, clock: '24/7' })
    .expect(201);
  h.startWorker();
});
beforeEach(startOnFriday);
afterAll(async () => {
  bindClock();
  await h.close();
});

async function openCase(touchpointId: string, priority = 'normal') {
  const r = await answerAsContact(ctx, 2, { touchpointId });
  const res = await owner.agent.post('/api/v1/cases').send({ responseId: r.responseId, priority }).expect(201);
  return res.body.case as { id: string; number: number; createdAt: string; sla: Record<string, string | null> };
}

const getCase = async (id: string) => (await owner.agent.get(`/api/v1/cases/${id}`).expect(200)).body.case;
type Entry = { kind: string; at: string; text: string | null };
const escalations = (c: { timeline: Entry[] }) =>
  c.timeline.filter((e) => e.kind === 'escalation').sort((a, b) => a.at.localeCompare(b.at));
const after = (from: string, ms: number) => new Date(Date.parse(from) + ms).toISOString();
const escalationMails = (caseId: string) =>
  EmailModel.find({ organisationId: owner.organisationId, kind: 'case.escalation', relatedId: caseId }).lean();

describe('SLA escalation', () => {
  it('fires at the configured share of time, on both clocks, across a weekend', async () => {
    const onBusiness = await openCase(business.id);
    const onAllDay = await openCase(allDay.id);
    const opened = onBusiness.createdAt;
    // Opened on Friday a moment after 16:00 (x): due times keep x, so they are exact offsets.
    expect(Date.parse(opened) - FRIDAY_16).toBeLessThan(60_000);
    expect(onBusiness.sla).toMatchObject({
      clock: 'business',
      // Friday 16:00–17:00, then Monday from 09:00: due Monday 10:00 and 12:00.
      firstResponseDueAt: after(opened, 66 * HOUR),
      resolutionDueAt: after(opened, 68 * HOUR),
      firstRespondedAt: null,
      breachedAt: null,
    });
    expect(onAllDay.sla).toMatchObject({
      clock: '24/7',
      firstResponseDueAt: after(onAllDay.createdAt, 2 * HOUR),
      resolutionDueAt: after(onAllDay.createdAt, 4 * HOUR),
    });

    // The 75% step is a real delayed BullMQ job, due Monday 11:00 on the business clock.
    const id = escalationJobId({
      caseId: onBusiness.id,
      target: 'resolution',
      percent: 75,
      dueAt: onBusiness.sla.resolutionDueAt!,
    });
    const job = (await h.jobs.queues.transactional.getJob(id))!;
    expect(await job.getState()).toBe('delayed');
    expect(job.data.fireAt).toBe(after(opened, 67 * HOUR));
    expect(job.opts.delay).toBeGreaterThan((66 * HOUR) / SPEED);

    // Around the clock, Friday evening brings every step while the business case waits for Monday.
    const allDayDone = await until(
      () => getCase(onAllDay.id),
      (c) => escalations(c).length === 3,
    );
    // The business case's first step is 6.6 s of wall time away: on a loaded machine the three
    // around-the-clock steps can take longer, so what holds is that none of its steps is dated
    // before Monday 10:00 (their exact times are checked below), not that none has run yet.
    for (const e of escalations(await getCase(onBusiness.id))) {
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(after(opened, 66 * HOUR)));
    }
    expect(escalations(allDayDone).map((e) => e.at)).toEqual([
      after(onAllDay.createdAt, 2 * HOUR),
      after(onAllDay.createdAt, 3 * HOUR),
      after(onAllDay.createdAt, 4 * HOUR),
    ]);

    const businessDone = await until(
      () => getCase(onBusiness.id),
      (c) => escalations(c).length === 3,
      20_000,
    );
    const fired = escalations(businessDone);
    expect(fired.map((e) => e.at)).toEqual([
      after(opened, 66 * HOUR),
      after(opened, 67 * HOUR),
      after(opened, 68 * HOUR),
    ]);
    expect(fired.map((e) => e.text)).toEqual([
      expect.stringContaining('first response target was missed'),
      expect.stringContaining(`75% of the resolution time has passed`),
      expect.stringContaining('resolution target was missed'),
    ]);
    expect(fired[1]!.text).toContain(`notified ${owner.email}`);
    expect(fired[2]!.text).toContain(`notified ${agent.email}`);
    expect(businessDone).toMatchObject({
      assigneeId: agent.membershipId,
      sla: { breachedAt: after(opened, 66 * HOUR) },
    });

    // Read on Monday at 12:05: overdue, 68 h 05 open on the calendar and 4 h 05 on the business clock.
    const monday = new Date(Date.parse(opened) + 68 * HOUR + 5 * 60_000);
    bindClock({ now: () => monday, delayUntil: () => 0 });
    expect(await getCase(onBusiness.id)).toMatchObject({
      overdue: true,
      elapsed: { calendarMinutes: 68 * 60 + 5, businessMinutes: 4 * 60 + 5 },
    });
    const overdue = (await owner.agent.get('/api/v1/cases?view=overdue').expect(200)).body.cases;
    expect(overdue.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([onBusiness.id, onAllDay.id]));
    const mails = await until(
      () => escalationMails(onBusiness.id),
      (m) => m.length === 2,
    );
    expect(mails.map((m) => m.to).sort()).toEqual([agent.email, owner.email].sort());
  });

  it('a step delivered again, even after a crash before it finished, is on the timeline and in the mail once', async () => {
    const c = await openCase(allDay.id);
    // Every firing finished (timeline entry, then mail, then done): the whole state, not its first part.
    await until(
      () => SlaFiringModel.find({ organisationId: owner.organisationId, caseId: c.id }).lean(),
      (firings) => firings.length === 3 && firings.every((f) => f.doneAt),
    );
    const payload: EscalatePayload = {
      organisationId: owner.organisationId,
      caseId: c.id,
      target: 'resolution',
      percent: 75,
      dueAt: c.sla.resolutionDueAt!,
      fireAt: after(c.createdAt, 3 * HOUR),
    };
    // As if the worker died after the timeline entry and before marking the firing done.
    await SlaFiringModel.updateMany({ organisationId: owner.organisationId, caseId: c.id }, { $set: { doneAt: null } });
    for (const attempt of ['again-1', 'again-2']) {
      await h.jobFinished(await h.jobs.enqueue(ESCALATE_CASE, payload, { jobId: `${attempt}-${c.id}` }));
    }
    expect(escalations(await getCase(c.id))).toHaveLength(3);
    expect(await escalationMails(c.id)).toHaveLength(2);
    expect(await SlaFiringModel.countDocuments({ organisationId: owner.organisationId, caseId: c.id })).toBe(3);
  });

  it('a priority change supersedes the scheduled steps, and a resolved case escalates no more', async () => {
    // Urgent cases on the business touchpoint: an hour to resolve, around the clock.
    await owner.agent
      .post('/api/v1/sla/policies')
      .send({
        name: 'Urgent',
        touchpointId: business.id,
        priority: 'urgent',
        clock: '24/7',
        firstResponseMinutes: 30,
        resolutionMinutes: 60,
      })
      .expect(201);
    const c = await openCase(business.id);
    const oldBreach = (await h.jobs.queues.transactional.getJob(
      escalationJobId({ caseId: c.id, target: 'resolution', percent: 100, dueAt: c.sla.resolutionDueAt! }),
    ))!;
    const raised = (await owner.agent.patch(`/api/v1/cases/${c.id}`).send({ priority: 'urgent' }).expect(200)).body
      .case;
    expect(raised.sla).toMatchObject({
      clock: '24/7',
      firstResponseDueAt: after(c.createdAt, HOUR / 2),
      resolutionDueAt: after(c.createdAt, HOUR),
    });
    // The new targets pass within a virtual hour; the old Monday jobs then find other due times.
    await until(
      () => getCase(c.id),
      (x) => escalations(x).length === 2,
    );
    await h.jobFinished(oldBreach);
    const done = await getCase(c.id);
    expect(escalations(done).map((e) => e.at)).toEqual([after(c.createdAt, HOUR / 2), after(c.createdAt, HOUR)]);
    expect(done.sla.breachedAt).toBe(after(c.createdAt, HOUR / 2));

    // Low priority around the clock: 20 h to a first response, 40 h to resolve (2 s and 4 s here).
    await owner.agent
      .post('/api/v1/sla/policies')
      .send({
        name: 'Low',
        touchpointId: allDay.id,
        priority: 'low',
        clock: '24/7',
        firstResponseMinutes: 1200,
        resolutionMinutes: 2400,
        escalations: steps(),
      })
      .expect(201);
    const resolved = await openCase(allDay.id, 'low');
    await owner.agent
      .post(`/api/v1/cases/${resolved.id}/reply`)
      .send({ subject: 'Sorted', message: 'An engineer fixed it.', resolve: true })
      .expect(200);
    const breach = (await h.jobs.queues.transactional.getJob(
      escalationJobId({
        caseId: resolved.id,
        target: 'resolution',
        percent: 100,
        dueAt: resolved.sla.resolutionDueAt!,
      }),
    ))!;
    await h.jobFinished(breach);
    const afterBreach = await getCase(resolved.id);
    expect(escalations(afterBreach)).toEqual([]);
    expect(afterBreach.sla).toMatchObject({ breachedAt: null, firstRespondedAt: expect.any(String) });
    expect(afterBreach.elapsed.calendarMinutes).toBeLessThan(60);
    expect(await escalationMails(resolved.id)).toEqual([]);
  });
});
