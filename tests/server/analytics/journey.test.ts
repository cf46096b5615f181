import request from 'supertest';

import { SummaryResponse } from '@pulse/shared/schemas/analytics';
import { IngestResponse } from '@pulse/shared/schemas/interactions';

import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import { createApiKey, uniqueEmail } from '../../factories/accounts';
import { buildDistribution } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';
import { linksIn, waitForMail } from '../../setup/mail';
import { until } from '../../setup/until';

jest.setTimeout(120_000);
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.startWorker();
});
afterAll(() => h.close());

describe('from an interaction to a moved score', () => {
  it('when a system posts an interaction and the customer clicks 9 in the one mail, then the metrics API counts a promoter', async () => {
    const d = await buildDistribution(h);
    const { secret: reader } = await createApiKey(d.owner, ['responses:read']);
    const metrics = async () =>
      SummaryResponse.parse(
        (
          await request(h.app)
            .get(`/api/v1/metrics?touchpointId=${d.touchpoint.id}`)
            .set('Authorization', `Bearer ${reader}`)
            .expect(200)
        ).body,
      );
    expect((await metrics()).figure.n).toBe(0);

    const email = uniqueEmail('customer');
    const posted = await request(h.app)
      .post('/api/v1/interactions')
      .set(d.auth)
      .send({ touchpoint: d.touchpoint.key, contact: { email, name: 'Ada' } })
      .expect(200);
    expect(IngestResponse.parse(posted.body).decisions[0]).toMatchObject({ outcome: 'invited', channel: 'email' });

    const mails = await waitForMail(email);
    expect(mails).toHaveLength(1);
    const nine = linksIn(mails[0]!).find((l) => new URL(l).searchParams.get('score') === '9')!;
    const { pathname, search } = new URL(nine);
    // SMTP accepts the mail a moment before the worker marks it sent; a link clicked in between
    // answers 410 (the distribution module's to decide), so the customer clicks once it is sent.
    await until(
      () => SurveyInvitationModel.findOne({ organisationId: d.owner.organisationId }).lean(),
      (inv) => inv?.state === 'sent',
    );
    // The click: the page records the score provisionally, its script confirms it.
    await request(h.app).get(`${pathname}${search}`).expect(200);
    await request(h.app).post(`${pathname}/confirm`).send({ score: 9 }).expect(200, { state: 'confirmed', score: 9 });

    const after = await until(metrics, (m) => m.figure.n === 1, 30_000);
    expect(after.figure).toMatchObject({ n: 1, bands: { promoter: 1, passive: 0, detractor: 0 } });
    expect(after.figure.distribution.find((x) => x.score === 9)).toEqual({ score: 9, count: 1 });
    expect(after.dimensions.touchpoints).toEqual([d.touchpoint.id]);
    // The dashboard shows the touchpoint by its name.
    expect(after.dimensions.touchpointNames[d.touchpoint.id]).toBe(`Touchpoint ${d.touchpoint.key}`);
    expect(after.dimensions.channels).toEqual(['email']);
    // Still one mail: answering sends nothing more to the customer.
    expect(await waitForMail(email)).toHaveLength(1);
  });
});
