import type { Server } from 'node:http';

import request from 'supertest';

import { ResponseModel } from '../../../server/src/modules/responses/response.model';
import { signUpOwner } from '../../factories/accounts';
import { buildInvitation } from '../../factories/responses';
import { buildSurvey } from '../../factories/surveys';
import { buildContact, buildTouchpoint } from '../../factories/distribution';
import { startHarness, type Harness } from '../../setup/harness';

let h: Harness;
// One listening server for every request: supertest would otherwise start one per request.
let server: Server;
beforeAll(async () => {
  h = await startHarness();
  server = h.app.listen(0, '127.0.0.1');
});
afterAll(async () => {
  server.close();
  await h.close();
});

const ROUNDS = Number(process.env.DOUBLE_SUBMIT_ROUNDS ?? 100);
const PARALLEL = 50;

describe('double submits', () => {
  it(`when ${PARALLEL} submits of one token race, ${ROUNDS} times over, then each token has exactly one response and no caller gets a 500`, async () => {
    const org = (await signUpOwner(h.app)).organisationId;
    const survey = await buildSurvey({ org });
    const touchpoint = await buildTouchpoint({ org, rules: { surveyId: survey.id } });
    const contact = await buildContact({ org });
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      const inv = await buildInvitation({ org, secretKey: h.config.SECRET_KEY, survey, touchpoint, contact });
      // Half confirm through the island's endpoint, half through the plain form, all with score 8.
      const results = await Promise.all(
        Array.from({ length: PARALLEL }, (_, i) =>
          i % 2
            ? request(server).post(`/r/${inv.token}/confirm`).send({ score: 8 })
            : request(server).post(`/r/${inv.token}`).type('form').send({ score: '8', step: 'answers' }),
        ),
      );
      expect(results.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
      const stored = await ResponseModel.find({ organisationId: org, invitationId: inv.id }).lean();
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ score: 8, state: 'confirmed' });
    }
    console.log(
      `${ROUNDS} rounds of ${PARALLEL} parallel submits: ${((Date.now() - started) / ROUNDS).toFixed(0)} ms per round`,
    );
  }, 1_800_000);
});
