import { systemContext } from '../../server/src/lib/context';
import { addTeammate, signUpOwner } from '../factories/accounts';
import { buildTouchpoint } from '../factories/distribution';
import { answerAsContact } from '../factories/feedback';
import { screenshot } from './support/browser';
import { useBrowserJourney } from './support/journey';

const journey = useBrowserJourney();

test('an admin makes a team on the Teams page; a case its rule assigns shows in "My team"', async () => {
  const owner = await signUpOwner(journey.app.harness.app);
  const agent = await addTeammate(journey.app.harness.app, owner.organisationId, 'editor');
  const touchpoint = await buildTouchpoint({ org: owner.organisationId });
  const page = await journey.logIn(owner);

  await page.getByRole('link', { name: 'Teams' }).click();
  await page.getByText('No teams yet').waitFor();
  await screenshot(page, 'teams-00-empty');
  await page.getByLabel('New team').fill('Field service');
  await page.getByLabel('Members').first().click();
  await page.getByRole('option', { name: owner.session.user.name }).click();
  await page.getByRole('option', { name: agent.session.user.name }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Create team' }).click();
  await page.getByRole('cell', { name: 'Field service', exact: true }).waitFor();

  const teams = await owner.agent.get('/api/v1/teams').expect(200);
  const teamId = teams.body.teams[0].id as string;
  await owner.agent
    .post('/api/v1/assignment-rules')
    .send({ name: 'Repair visits', touchpointId: touchpoint.id, teamId })
    .expect(201);
  await page.reload();
  await page.getByText('Repair visits').waitFor();
  await screenshot(page, 'teams-01-teams-page');

  const ctx = systemContext({ organisationId: owner.organisationId, log: journey.app.harness.log });
  const answer = await answerAsContact(ctx, 2, { touchpointId: touchpoint.id });
  await answer.comment('The engineer never came');
  await owner.agent.post('/api/v1/cases').send({ responseId: answer.responseId }).expect(201);
  await page.goto(`${journey.app.url}/cases`);
  await page.getByText('My team').click();
  await page.getByRole('link', { name: 'Case 1' }).waitFor();
  await screenshot(page, 'teams-02-inbox-my-team');
  await page.getByRole('link', { name: 'Case 1' }).click();
  await page.getByText('Work on it').waitFor();
  await screenshot(page, 'teams-03-case-team');
}, 120_000);
