import { systemContext } from '../../../server/src/lib/context';
import { checkAttributeTypes } from '../../../server/src/modules/contacts/contacts.service';
import { signUpOwner, type Teammate } from '../../factories/accounts';
import { buildContact } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
let owner: Teammate;

// Default configuration: private and loopback webhook addresses are refused.
beforeAll(async () => {
  h = await startHarness();
  owner = await signUpOwner(h.app);
  // As an import leaves it: a contact with `plan`, and `plan` registered as a string attribute.
  await buildContact({ org: owner, attributes: { plan: 'pro' } });
  await checkAttributeTypes(systemContext({ organisationId: owner.organisationId, log: h.log }), [
    { path: 'contact', attributes: { plan: 'pro' } },
  ]);
});
afterAll(() => h.close());

const rule = (overrides: object) => ({
  name: 'Detractors',
  groups: [[{ field: 'band', in: ['detractor'] }]],
  slaHours: 24,
  ...overrides,
});

const pathsOf = (res: { body: { error: { code: string; details?: Array<{ path: string }> } } }) => ({
  code: res.body.error.code,
  paths: res.body.error.details?.map((d) => d.path),
});

describe('bad input to alerts, cases and webhooks', () => {
  it.each([
    ['no condition group', rule({ groups: [] }), ['body.groups']],
    ['an empty condition group', rule({ groups: [[]] }), ['body.groups.0']],
    ['a score range with neither end', rule({ groups: [[{ field: 'score' }]] }), ['body.groups.0.0.min']],
    ['an SLA of zero', rule({ slaHours: 0 }), ['body.slaHours']],
    [
      'a keyword of two words',
      rule({ groups: [[{ field: 'keywords', any: ['never came'] }]] }),
      ['body.groups.0.0.any.0'],
    ],
  ])('when a rule has %s, then it answers 400 with the field path', async (_what, body, paths) => {
    const res = await owner.agent.post('/api/v1/alert-rules').send(body).expect(400);
    expect(pathsOf(res)).toEqual({ code: 'validation_failed', paths });
  });

  it('when a rule names a contact attribute nobody has, then it answers 400 at that condition', async () => {
    const res = await owner.agent
      .post('/api/v1/alert-rules')
      .send(
        rule({ groups: [[{ field: 'band', in: ['detractor'] }], [{ field: 'attribute', key: 'plna', in: ['pro'] }]] }),
      )
      .expect(400);
    expect(pathsOf(res)).toEqual({ code: 'validation_failed', paths: ['body.groups.1.0.key'] });
    // The known attribute with a value of its type is accepted.
    await owner.agent
      .post('/api/v1/alert-rules')
      .send(rule({ groups: [[{ field: 'attribute', key: 'plan', in: ['pro'] }]] }))
      .expect(201);
    expect((await owner.agent.get('/api/v1/alert-rules').expect(200)).body.rules).toHaveLength(1);
  });

  it('when a rule mails an address attribute nobody has, then it answers 400 at body.channels.attributeEmail', async () => {
    const res = await owner.agent
      .post('/api/v1/alert-rules')
      .send(rule({ channels: { attributeEmail: 'accountManagerEmial' } }))
      .expect(400);
    expect(pathsOf(res)).toEqual({ code: 'validation_failed', paths: ['body.channels.attributeEmail'] });
  });

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://169.254.169.254/latest',
    'ftp://example.com/x',
  ])(
    'when a rule posts to the chat URL %s, then it answers 400 at body.channels.chatUrl and stores nothing',
    async (chatUrl) => {
      const before = (await owner.agent.get('/api/v1/alert-rules').expect(200)).body.rules.length;
      const res = await owner.agent
        .post('/api/v1/alert-rules')
        .send(rule({ channels: { chatUrl } }))
        .expect(400);
      expect(pathsOf(res)).toEqual({ code: 'validation_failed', paths: ['body.channels.chatUrl'] });
      expect((await owner.agent.get('/api/v1/alert-rules').expect(200)).body.rules).toHaveLength(before);
    },
  );

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://10.1.2.3/hook',
    'http://192.168.0.10/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://2130706433/hook',
  ])('when a webhook URL points at %s, then it answers 400 at body.url and stores nothing', async (url) => {
    const res = await owner.agent
      .post('/api/v1/webhooks')
      .send({ url, events: ['response.completed'] })
      .expect(400);
    expect(pathsOf(res)).toEqual({ code: 'validation_failed', paths: ['body.url'] });
  });

  it('when a webhook URL is not http(s) or carries credentials, then it answers 400 at body.url', async () => {
    for (const url of ['ftp://example.com/x', 'https://user:pw@example.com/hook']) {
      const res = await owner.agent
        .post('/api/v1/webhooks')
        .send({ url, events: ['response.completed'] })
        .expect(400);
      expect(pathsOf(res).paths).toEqual(['body.url']);
    }
    expect((await owner.agent.get('/api/v1/webhooks').expect(200)).body.endpoints).toEqual([]);
  });

  it('when a case is opened by hand with an SLA of zero, then it answers 400 at body.slaHours', async () => {
    const res = await owner.agent
      .post('/api/v1/cases')
      .send({ responseId: '0123456789abcdef01234567', slaHours: 0 })
      .expect(400);
    expect(pathsOf(res)).toEqual({ code: 'validation_failed', paths: ['body.slaHours'] });
  });
});
