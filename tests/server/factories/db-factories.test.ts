import request from 'supertest';

import { ApiKeyModel } from '../../../server/src/modules/api-keys/api-key.model';
import { MembershipModel } from '../../../server/src/modules/members/membership.model';
import { OrganisationModel } from '../../../server/src/modules/organisations/organisation.model';
import { PASSWORD } from '../../factories/accounts';
import { buildApiKey, buildMember, buildOrganisation } from '../../factories/db';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

describe('database factories', () => {
  it('buildOrganisation takes overrides and makes unique names', async () => {
    const [a, b] = [await buildOrganisation({ timeZone: 'Asia/Kolkata' }), await buildOrganisation()];
    expect(a.timeZone).toBe('Asia/Kolkata');
    expect(a.name).not.toBe(b.name);
    expect(await OrganisationModel.countDocuments({ _id: a._id })).toBe(1);
  });

  it('buildMember creates its organisation when given none, and the person can log in with the role given', async () => {
    const { organisationId, user, membership } = await buildMember({ role: 'admin' });
    expect(await OrganisationModel.exists({ _id: organisationId })).toBeTruthy();
    expect(await MembershipModel.findOne({ organisationId, userId: user._id }).lean()).toMatchObject({ role: 'admin' });
    const res = await request(h.app)
      .post('/api/v1/auth/login')
      .send({ email: user.email, password: PASSWORD })
      .expect(200);
    expect(res.body).toMatchObject({ role: 'admin', organisation: { id: organisationId } });
    expect(String(membership._id)).toBeTruthy();
  });

  it('buildApiKey makes a key that authenticates for its scopes and its organisation only', async () => {
    const { organisationId, apiKey, secret } = await buildApiKey({ scopes: ['responses:read'] });
    expect(await ApiKeyModel.countDocuments({ _id: apiKey._id, organisationId })).toBe(1);
    await request(h.app).get('/api/v1/responses').set('Authorization', `Bearer ${secret}`).expect(200);
    await request(h.app).get('/api/v1/responses').set('Authorization', `Bearer ${secret}x`).expect(401);
    const revoked = await buildApiKey({ org: { organisationId }, revokedAt: new Date() });
    await request(h.app).get('/api/v1/responses').set('Authorization', `Bearer ${revoked.secret}`).expect(401);
  });
});
