import request from 'supertest';

import { systemContext } from '../../../server/src/lib/context';
import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
import { seedDistribution } from '../../../scripts/seed-distribution';
import { createApiKey, signUpOwner, uniqueEmail } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';
import { waitForMail } from '../../setup/mail';

// The shared dev database is slow under load; these wait on real sends.
jest.setTimeout(90_000);
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

describe('the seeded journey', () => {
  it('emails a survey seconds after one curl to the first touchpoint, and running the seed again changes nothing', async () => {
    const owner = await signUpOwner(h.app);
    const ctx = systemContext({ organisationId: owner.organisationId, log: h.log, name: 'Seed' });
    const { touchpoints } = await seedDistribution(ctx);
    expect(touchpoints[0]).toBe('support_ticket_closed');
    expect((await seedDistribution(ctx)).touchpoints).toEqual(touchpoints);
    const journey = await owner.agent.get('/api/v1/touchpoints').expect(200);
    expect(journey.body.touchpoints.map((t: { key: string }) => t.key)).toEqual([
      'onboarding_completed',
      'checkout_completed',
      'order_delivered',
      'support_ticket_closed',
    ]);
    expect(await ContactModel.countDocuments({ organisationId: owner.organisationId })).toBe(6);

    const { secret } = await createApiKey(owner, ['interactions:write']);
    const email = uniqueEmail('newcomer');
    const res = await request(h.app)
      .post('/api/v1/interactions')
      .set('Authorization', `Bearer ${secret}`)
      .send({ touchpoint: touchpoints[0], contact: { email, name: 'Newcomer' } })
      .expect(200);
    expect(res.body.decisions[0]).toMatchObject({ outcome: 'invited' });
    const [mail] = await waitForMail(email);
    expect(mail!.text).toMatch(/\/r\/inv_\w+_[\w-]+\?score=5/);
  });
});
