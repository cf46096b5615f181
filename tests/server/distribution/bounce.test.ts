import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';
import request from 'supertest';

import { ContactModel } from '../../../server/src/modules/contacts/contact.model';
import { SurveyInvitationModel } from '../../../server/src/modules/invitations/invitation.model';
import { uniqueEmail } from '../../factories/accounts';
import { buildDistribution } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';
import { until } from '../../setup/until';

let h: Harness;
jest.setTimeout(90_000);
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const post = (auth: Record<string, string>, body: object) =>
  request(h.app).post('/api/v1/interactions').set(auth).send(body);
const invitationsOf = (organisationId: string) => SurveyInvitationModel.find({ organisationId }).lean();

describe('a hard bounce', () => {
  it('when the SMTP server answers 5xx, then the invitation is bounced and the contact suppressed, without retries', async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('550 No such mailbox'), { responseCode: 550 }));
      },
    });
    refusing.listen(0, '127.0.0.1');
    await once(refusing.server, 'listening');
    const port = (refusing.server.address() as AddressInfo).port;
    h.startWorker({ smtpUrl: `smtp://127.0.0.1:${port}` });
    try {
      const d = await buildDistribution(h);
      const email = uniqueEmail('gone');
      await post(d.auth, { touchpoint: d.touchpoint.key, contact: { email } }).expect(200);
      const [inv] = await until(
        () => invitationsOf(d.owner.organisationId),
        (all) => all[0]?.state === 'bounced',
      );
      expect(inv!.attempts).toBe(1);
      // The contact is suppressed just after the invitation is marked bounced.
      const contact = await until(
        () => ContactModel.findOne({ organisationId: d.owner.organisationId, email }).lean(),
        (c) => Boolean(c?.suppression),
      );
      expect(contact!.suppression).toMatchObject({ reason: 'bounced' });
    } finally {
      refusing.close();
    }
  });
});
