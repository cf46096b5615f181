import { AuditEventModel } from '../../../server/src/modules/audit/audit-event.model';
import { addTeammate, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const csvLines = (text: string) => text.trim().split('\n');

describe('audit log export', () => {
  it('streams every event as CSV, newest first, and records the export itself', async () => {
    const owner = await signUpOwner(h.app);
    await owner.agent
      .post('/api/v1/api-keys')
      .send({ name: 'CRM sync', scopes: ['surveys:read'] })
      .expect(201);

    await h.eventsSettled();
    const res = await owner.agent.get('/api/v1/audit-log/export').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="?pulse-audit-log-\d{4}-\d{2}-\d{2}\.csv"?$/,
    );
    const [header, ...rows] = csvLines(res.text);
    expect(header).toBe('at,actor,actor_kind,action,description,target,details,ip');
    expect(rows.map((r) => r.split(',')[3])).toEqual(['audit.exported', 'apikey.created', 'auth.login', 'auth.signup']);
    expect(rows[1]).toContain('Created an API key');
    expect(
      await AuditEventModel.countDocuments({ organisationId: owner.organisationId, action: 'audit.exported' }),
    ).toBe(1);
  });

  it('neutralises spreadsheet formulas in names people typed', async () => {
    const owner = await signUpOwner(h.app);
    await owner.agent.post('/api/v1/api-keys').send({ name: '=HYPERLINK("http://evil")', scopes: ['surveys:read'] });
    await h.eventsSettled();
    const res = await owner.agent.get('/api/v1/audit-log/export').expect(200);
    expect(res.text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(res.text).toContain("'=HYPERLINK");
  });

  it('pages through more events than one read holds, without repeats', async () => {
    const owner = await signUpOwner(h.app);
    await AuditEventModel.insertMany(
      Array.from({ length: 1_200 }, (_, i) => ({
        organisationId: owner.organisationId,
        action: 'auth.login',
        actorKind: 'user',
        actorLabel: `person-${i}@example.test`,
        at: new Date(),
      })),
    );
    await h.eventsSettled();
    const res = await owner.agent.get('/api/v1/audit-log/export').expect(200);
    const rows = csvLines(res.text).slice(1);
    // The 1,200, the sign-up, the owner's first log-in and the export.
    expect(rows).toHaveLength(1_203);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('is refused to editors and viewers', async () => {
    const owner = await signUpOwner(h.app);
    for (const role of ['editor', 'viewer'] as const) {
      const teammate = await addTeammate(h.app, owner.organisationId, role);
      await teammate.agent.get('/api/v1/audit-log/export').expect(403);
    }
  });
});
