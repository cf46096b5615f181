import request from 'supertest';

import { OrganisationModel } from '../../../server/src/modules/organisations/organisation.model';
import { buildSignup, signUpOwner } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

// Each would be stored as given before: a header-injection or spoofing vector once used in mail.
const HOSTILE: Array<[string, string]> = [
  ['a CR/LF', 'Acme\r\nBcc: victim@example.test'],
  ['a lone LF', 'Acme\nLtd'],
  ['a NUL', 'Acme\u0000'],
  ['a tab', 'Acme\tLtd'],
  ['a right-to-left override', 'Invoice\u202Egpj.exe'],
  ['a bidi isolate', 'Acme\u2067Ltd'],
  ['a line separator', 'Acme\u2028Ltd'],
  ['only zero-width characters', '\u200B\u200C\u200D'],
  ['only a BOM and spaces', '\uFEFF   '],
  ['a Hangul filler', '\u3164'],
];

describe('single-line text fields refuse control, direction and invisible-only text', () => {
  it.each(HOSTILE)(
    'when a sign-up name or organisation name has %s, then it answers 400 naming the field',
    async (_, bad) => {
      for (const field of ['name', 'organisationName'] as const) {
        const res = await request(h.app)
          .post('/api/v1/auth/signup')
          .send(buildSignup({ [field]: bad }));
        expect(res.status).toBe(400);
        expect(res.body.error.details).toEqual([expect.objectContaining({ path: `body.${field}` })]);
      }
    },
  );

  it('when the organisation name, sender name or an API key name has CR/LF, then nothing is stored', async () => {
    const owner = await signUpOwner(h.app);
    for (const field of ['name', 'senderName']) {
      const res = await owner.agent.patch('/api/v1/organisation').send({ [field]: 'Acme\r\nBcc: x@example.test' });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe(`body.${field}`);
    }
    const key = await owner.agent.post('/api/v1/api-keys').send({ name: 'sync\nkey', scopes: ['interactions:write'] });
    expect(key.status).toBe(400);
    expect(key.body.error.details[0].path).toBe('body.name');
    const stored = await OrganisationModel.findById(owner.organisationId).lean();
    expect(stored?.name).toBe(owner.session.organisation.name);
  });

  it('when a name is surrounded by spaces or uses an emoji with joiners, then it is trimmed and kept', async () => {
    const owner = await signUpOwner(h.app, { name: '  Zoë 👩‍💻  ', organisationName: ' Acme ' });
    expect(owner.session.user.name).toBe('Zoë 👩‍💻');
    expect(owner.session.organisation.name).toBe('Acme');
  });
});

describe('request bodies must be UTF-8', () => {
  it('when a JSON body holds an invalid UTF-8 byte, then it answers 400 instead of storing U+FFFD', async () => {
    const { name, ...rest } = buildSignup();
    const [before, after] = JSON.stringify({ name, ...rest }).split(name);
    const json = Buffer.concat([Buffer.from(before!), Buffer.from([0x4f, 0xff, 0xfe]), Buffer.from(after!)]);
    const res = await request(h.app)
      .post('/api/v1/auth/signup')
      .set('Content-Type', 'application/json')
      // superagent would JSON-encode a Buffer; the bytes go out as they are.
      .serialize((raw: Buffer) => raw as unknown as string)
      .send(json);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
  });
});
