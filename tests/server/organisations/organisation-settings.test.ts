import request from 'supertest';

import { Organisation } from '@pulse/shared/schemas/organisation';

import { EmailModel } from '../../../server/src/modules/mail/mail.model';
import { OrganisationModel } from '../../../server/src/modules/organisations/organisation.model';
import { PASSWORD, inviteTeammate, signUpOwner, type Teammate } from '../../factories/accounts';
import { buildMember } from '../../factories/db';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;
beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
});
afterAll(() => h.close());

const patch = (body: object) => owner.agent.patch('/api/v1/organisation').send(body);
const stored = () => OrganisationModel.findById(owner.organisationId).lean();

/** A 400 names exactly these fields, and the organisation is as it was. */
async function refused(body: object, paths: string[]) {
  const before = await stored();
  const res = await patch(body).expect(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect([...new Set(res.body.error.details.map((d: { path: string }) => d.path))]).toEqual(paths);
  expect(await stored()).toEqual(before);
}

describe('the organisation’s time zone', () => {
  it('when set to an IANA zone with an odd offset, then it is stored and answered', async () => {
    const res = await patch({ timeZone: 'Asia/Kathmandu' }).expect(200);
    expect(Organisation.parse(res.body).timeZone).toBe('Asia/Kathmandu');
    expect((await stored())!.timeZone).toBe('Asia/Kathmandu');
  });

  it('when the zone is not one the runtime knows, or too long, then it answers 400 on body.timeZone', async () => {
    await refused({ timeZone: 'Mars/Olympus' }, ['body.timeZone']);
    await refused({ timeZone: `Europe/${'x'.repeat(80)}` }, ['body.timeZone']);
  });
});

describe('the organisation’s default language', () => {
  it('when set to a language tag with a region, then it is stored', async () => {
    await patch({ defaultLanguage: 'pt-BR' }).expect(200);
    expect((await stored())!.defaultLanguage).toBe('pt-BR');
  });

  it('when it is a name or a lower-case region, then it answers 400 on body.defaultLanguage', async () => {
    await refused({ defaultLanguage: 'English' }, ['body.defaultLanguage']);
    await refused({ defaultLanguage: 'pt-br' }, ['body.defaultLanguage']);
  });
});

describe('the organisation’s sender', () => {
  it('when a sender name and address are set, then the organisation’s mail comes from them', async () => {
    await patch({ senderName: 'Acme Support', senderEmail: 'support@acme.example' }).expect(200);
    const invitation = await inviteTeammate(owner, 'viewer');
    const email = await EmailModel.findOne({ organisationId: owner.organisationId, to: invitation.email }).lean();
    expect(email!.from).toBe('"Acme Support" <support@acme.example>');
  });

  it('when the address is cleared, then it is stored as null (the system address is used)', async () => {
    const res = await patch({ senderEmail: null }).expect(200);
    expect(res.body.senderEmail).toBeNull();
    expect((await stored())!.senderEmail).toBeNull();
  });

  it('when the address is not an email or the name spans lines (a header injection), then it answers 400 naming each field', async () => {
    await refused({ senderEmail: 'not an address' }, ['body.senderEmail']);
    await refused({ senderName: 'Acme\r\nBcc: victim@example.test' }, ['body.senderName']);
  });

  it('when the body carries a field the settings do not have, then it answers 400 and stores nothing', async () => {
    const before = await stored();
    await patch({ name: 'Renamed', plan: 'enterprise' }).expect(400);
    expect(await stored()).toEqual(before);
  });

  it('when a viewer tries, then it answers 403 and nothing changes', async () => {
    const viewer = await buildMember({ org: owner, role: 'viewer' });
    const agent = request.agent(h.app);
    await agent.post('/api/v1/auth/login').send({ email: viewer.user.email, password: PASSWORD }).expect(200);
    const before = await stored();
    await agent.patch('/api/v1/organisation').send({ senderName: 'Mallory' }).expect(403);
    expect(await stored()).toEqual(before);
  });
});
