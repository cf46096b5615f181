import express from 'express';
import { Types } from 'mongoose';
import pino from 'pino';
import { pinoHttp } from 'pino-http';
import request from 'supertest';

import { errorHandler } from '../../../server/src/lib/error-handler';
import { UserModel } from '../../../server/src/modules/auth/user.model';
import { MembershipModel } from '../../../server/src/modules/members/membership.model';
import { uniqueEmail } from '../../factories/accounts';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

/** A route whose write hits a unique index the second time, with the real database's error. */
function appWriting(write: () => Promise<unknown>) {
  const app = express();
  app.use(pinoHttp({ logger: pino({ level: 'silent' }) }));
  app.post('/write', async (_req, res) => {
    await write();
    res.status(201).end();
  });
  app.use(errorHandler);
  return app;
}

describe('a duplicate key', () => {
  it('when a unique field is taken, then it answers 409 naming that field', async () => {
    const email = uniqueEmail();
    const app = appWriting(() => UserModel.create({ email, name: 'Twice', passwordHash: 'x' }));
    await request(app).post('/write').expect(201);
    const res = await request(app).post('/write').expect(409);
    expect(res.body.error).toMatchObject({
      code: 'conflict',
      message: 'That email already exists',
      details: [{ path: 'email', message: 'already exists' }],
    });
  });

  it('when a compound tenant index is hit, then it names the field besides organisationId', async () => {
    const [organisationId, userId] = [new Types.ObjectId(), new Types.ObjectId()];
    const app = appWriting(() => MembershipModel.create({ organisationId, userId, role: 'viewer' }));
    await request(app).post('/write').expect(201);
    const res = await request(app).post('/write').expect(409);
    expect(res.body.error.details).toEqual([{ path: 'userId', message: 'already exists' }]);
  });
});
