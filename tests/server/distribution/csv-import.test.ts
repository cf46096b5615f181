import request from 'supertest';

import { ContactAttributesResponse } from '@pulse/shared/schemas/contacts';
import type { Interaction } from '@pulse/shared/schemas/interactions';

import { importCsv, type SendOutcome } from '../../../client/src/features/distribution/lib/csv-import';
import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import { buildDistribution } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';

jest.setTimeout(60_000);
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** The importer the web app runs, posting to the real ingest API as the browser would. */
function sender(auth: Record<string, string>) {
  return async (interactions: Interaction[]): Promise<SendOutcome> => {
    const res = await request(h.app).post('/api/v1/interactions').set(auth).send({ interactions });
    if (res.status === 200) return { kind: 'accepted', decisions: res.body.decisions };
    if (res.status === 400)
      return { kind: 'invalid', message: res.body.error.message, details: res.body.error.details };
    return { kind: 'fatal', message: `HTTP ${res.status}` };
  };
}

// Row numbers as a spreadsheet shows them: the header is row 1.
const CSV = [
  'email,Name,externalId,time_zone,attr.plan,attr.seats,touchpoint',
  'ada@example.test,Ada,c-1,Europe/Paris,pro,5,', // 2 ok
  'not-an-email,Bad,c-2,,free,1,', // 3 email
  'bo@example.test,Bo,c-3,Mars/Olympus,pro,2,', // 4 time zone
  '"cy@example.test","Cy, ""the"" Third",c-4,,pro,3,', // 5 ok: quotes and a comma in a cell
  '"di@example.test","Di\nTwo lines",c-5,,pro,4,', // 6 a name on two lines
  'ed@example.test,Ed,c-6,,pro,many,', // 7 seats is a number: refused by the API
  'fay@example.test,Fay,c-7,,free,2,no_such_touchpoint', // 8 unknown touchpoint: refused by the API
  'gus@example.test,Gus,c-8,,free', // 9 too few cells
  ',,,,free,2,', // 10 nobody
  'hal@example.test,Hal,c-9,Asia/Kolkata,free,7,', // 11 ok
  '',
].join('\r\n');

describe('CSV import of interactions', () => {
  it('when the file has broken rows, then each is reported by row and column and every valid row is ingested once', async () => {
    const d = await buildDistribution(h);
    // The organisation already knows seats as a number: the importer types the column the same way.
    await request(h.app)
      .post('/api/v1/contacts')
      .set(d.auth)
      .send({ email: 'seed@example.test', attributes: { seats: 1 } })
      .expect(200);
    const types = ContactAttributesResponse.parse(
      (await d.owner.agent.get('/api/v1/contacts/attributes').expect(200)).body,
    );
    expect(types.attributes).toEqual([{ key: 'seats', type: 'number' }]);

    const seen: number[] = [];
    const run = () =>
      importCsv(new Blob([CSV]), {
        defaultTouchpoint: d.touchpoint.key,
        attributeTypes: new Map(types.attributes.map((a) => [a.key, a.type])),
        idempotencyPrefix: 'csv-test',
        send: sender(d.auth),
        // Small batches so refusals land in different batches and the file spans several.
        batchSize: 3,
        onProgress: (p) => seen.push(p.bytesRead),
      });
    const result = await run();

    expect(result.stopped).toBeNull();
    expect(result.errors).toEqual([
      { row: 3, field: 'email', message: expect.any(String) },
      { row: 4, field: 'time_zone', message: expect.stringContaining('IANA') },
      { row: 6, field: 'Name', message: expect.stringContaining('one line') },
      { row: 7, field: 'attr.seats', message: expect.stringContaining('number') },
      { row: 8, field: 'touchpoint', message: expect.stringContaining('no touchpoint') },
      { row: 9, field: 'row', message: 'has 5 cells; the header has 7' },
      { row: 10, field: 'externalId', message: 'needs an externalId or an email' },
    ]);
    expect(result).toMatchObject({ rowsRead: 10, rowsImported: 3, invited: 3, errorCount: 7 });
    expect(result.bytesRead).toBe(Buffer.byteLength(CSV));
    expect(seen.at(-1)).toBe(result.totalBytes);

    const contacts = await ContactModel.find({ organisationId: d.owner.organisationId }).sort({ _id: 1 }).lean();
    expect(contacts.filter((c) => c.externalId).map((c) => [c.externalId, c.name, c.attributes])).toEqual([
      ['c-1', 'Ada', { plan: 'pro', seats: 5 }],
      ['c-4', 'Cy, "the" Third', { plan: 'pro', seats: 3 }],
      ['c-9', 'Hal', { plan: 'free', seats: 7 }],
    ]);
    const invitations = () => SurveyInvitationModel.countDocuments({ organisationId: d.owner.organisationId });
    expect(await invitations()).toBe(3);

    // The same file again: each row replays its first answer and nobody is asked twice.
    const again = await run();
    expect(again).toMatchObject({ rowsImported: 3, replayed: 3, invited: 0, errorCount: 7 });
    expect(await invitations()).toBe(3);
  });

  it('when a column is unknown or no column says who, then the import stops before sending anything', async () => {
    const d = await buildDistribution(h);
    const opts = {
      defaultTouchpoint: d.touchpoint.key,
      attributeTypes: new Map(),
      idempotencyPrefix: 'csv-columns',
      send: sender(d.auth),
    };
    const typo = await importCsv(new Blob(['emial,name\nada@example.test,Ada\n']), opts);
    expect(typo.stopped).toContain('Column “emial”');
    const nobody = await importCsv(new Blob(['name,attr.plan\nAda,pro\n']), opts);
    expect(nobody.stopped).toContain('email or an externalId');
    expect(await SurveyInvitationModel.countDocuments({ organisationId: d.owner.organisationId })).toBe(0);
  });

  it('when the API key is revoked mid-import, then the import stops with the reason', async () => {
    const d = await buildDistribution(h);
    const result = await importCsv(new Blob(['email\nada@example.test\n']), {
      defaultTouchpoint: d.touchpoint.key,
      attributeTypes: new Map(),
      idempotencyPrefix: 'csv-auth',
      send: sender({ Authorization: 'Bearer pk_000000000000000000000000_nope' }),
    });
    expect(result.stopped).toBe('HTTP 401');
    expect(result.rowsImported).toBe(0);
  });
});

describe('contact attributes', () => {
  it('lists each attribute with its type to editors, and not to viewers or other organisations', async () => {
    const d = await buildDistribution(h);
    await request(h.app)
      .post('/api/v1/contacts')
      .set(d.auth)
      .send({ email: 'a@example.test', attributes: { plan: 'pro', seats: 3, vip: true } })
      .expect(200);
    const { addTeammate } = await import('../../factories/accounts');
    const editor = await addTeammate(h.app, d.owner.organisationId, 'editor');
    const res = await editor.agent.get('/api/v1/contacts/attributes').expect(200);
    expect(res.body.attributes).toEqual([
      { key: 'plan', type: 'string' },
      { key: 'seats', type: 'number' },
      { key: 'vip', type: 'boolean' },
    ]);
    const viewer = await addTeammate(h.app, d.owner.organisationId, 'viewer');
    await viewer.agent.get('/api/v1/contacts/attributes').expect(403);
    const other = await buildDistribution(h);
    expect((await other.owner.agent.get('/api/v1/contacts/attributes').expect(200)).body.attributes).toEqual([]);
  });
});
