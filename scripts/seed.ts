/**
 * `npm run seed`: a demo organisation with an owner login and an API key holding every scope,
 * and three published demo surveys (NPS, CSAT, CES), printed for the person (or script: `--json` ends with one JSON line) who asked. Safe to run
 * again: the owner's password is reset and a fresh key is issued. Uses MONGODB_URI, or the dev
 * database `npm start` runs (starting it for the duration when it is not running).
 */
import path from 'node:path';

import { ApiKeyScope } from '@pulse/shared/permissions';

import { loadConfig } from '../server/src/config';
import { systemContext } from '../server/src/lib/context';
import { connectDb, disconnectDb, syncIndexes } from '../server/src/lib/db';
import { createLogger } from '../server/src/lib/logger';
import { hashPassword } from '../server/src/lib/passwords';
import { bindSettings } from '../server/src/lib/settings';
import { createApiKey } from '../server/src/modules/api-keys/api-keys.service';
import {
  createUser,
  findUserByEmail,
  setLastOrganisation,
  setVerifiedPassword,
} from '../server/src/modules/auth/users.service';
import { createMembership, findMembership } from '../server/src/modules/members/memberships.service';
import { createOrganisation, findOrganisation } from '../server/src/modules/organisations/organisation.service';
import { seedDemoSurveys } from '../server/src/modules/surveys/surveys.seed';
import { listTouchpoints } from '../server/src/modules/touchpoints/touchpoints.service';
import { ROOT, portAnswers, startFerretDb, type Service } from './lib/services';
import { seedDemoResponses } from './lib/seed-responses';
import { seedDistribution } from './seed-distribution';

/** A year of answers: enough for every touchpoint × channel to show a score each month. */
const DEMO_RESPONSES = 3_000;

const DEMO = { email: 'demo@pulse.local', name: 'Dana Demo', password: 'pulse-demo-2026', organisation: 'Acme (demo)' };

async function main() {
  const json = process.argv.includes('--json');
  let devDb: Service | undefined;
  if (!process.env.MONGODB_URI && !(await portAnswers(27017))) {
    devDb = await startFerretDb({ port: 27017, sqliteDir: path.join(ROOT, '.data/ferretdb'), stdio: 'ignore' });
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
  await connectDb(config.MONGODB_URI);
  await syncIndexes();

  const passwordHash = await hashPassword(DEMO.password);
  let user = await findUserByEmail(DEMO.email);
  if (user) await setVerifiedPassword(user._id, passwordHash);
  else user = await createUser({ email: DEMO.email, name: DEMO.name, passwordHash, emailVerifiedAt: new Date() });
  let org = user.lastOrganisationId ? await findOrganisation(user.lastOrganisationId) : null;
  if (!org) {
    org = await createOrganisation({ name: DEMO.organisation, senderName: 'Acme', timeZone: 'Europe/London' });
    await setLastOrganisation(user._id, String(org._id));
  }
  if (!(await findMembership({ organisationId: org._id, userId: user._id }))) {
    await createMembership({ organisationId: org._id, userId: user._id, role: 'owner' });
  }

  bindSettings({ publicUrl: config.PUBLIC_URL, secretKey: config.SECRET_KEY, mailFrom: config.MAIL_FROM });
  const ctx = systemContext({
    organisationId: String(org._id),
    log: createLogger(config, 'seed'),
    name: 'Seed script',
  });
  const { secret } = await createApiKey(ctx, {
    name: `Demo key ${new Date().toISOString().slice(0, 16)}`,
    scopes: [...ApiKeyScope.options],
  });
  const surveys = await seedDemoSurveys(ctx);
  const { touchpoints } = await seedDistribution(ctx);
  const started = Date.now();
  const journey = (await listTouchpoints(ctx)).sort((a, b) => a.order - b.order);
  const year = await seedDemoResponses(ctx, {
    surveyId: surveys[0]!,
    touchpoints: journey.map((t) => ({ id: String(t._id), key: t.key })),
    count: DEMO_RESPONSES,
  });
  const seededIn = ((Date.now() - started) / 1000).toFixed(1);
  await disconnectDb();
  await devDb?.stop();

  const result = {
    url: config.PUBLIC_URL,
    email: DEMO.email,
    password: DEMO.password,
    apiKey: secret,
    surveys,
    touchpoints,
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(`Demo organisation "${org.name}" is ready.`);
    console.log(`  Open      ${result.url}`);
    console.log(`  Email     ${result.email}`);
    console.log(`  Password  ${result.password}`);
    console.log(`  API key   ${result.apiKey}   (every scope; shown once)`);
    console.log(`  Surveys   ${surveys.length} published (NPS in English, French, German, Spanish; CSAT; CES)`);
    console.log(`  Touchpoints  ${touchpoints.join(', ')}   (the first emails a survey at once)`);
    console.log(
      year.responses
        ? `  Responses ${year.responses.toLocaleString('en')} over the last year, ${year.rollups} rollup documents (${seededIn} s)`
        : '  Responses already seeded: none added',
    );
  }
  process.exit(0);
}

main().catch((err) => {
  console.error('seed failed:', err);
  process.exit(1);
});
