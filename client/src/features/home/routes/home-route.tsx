import { Grid, Stack } from '@mantine/core';

import { PageHeader } from '../../../components/page-header';
import { useCurrentSession } from '../../auth/api/get-session';
import { SurveyJourney } from '../../surveys/components/survey-journey';
import { GettingStarted } from '../components/getting-started';
import { VerifyEmailBanner } from '../components/verify-email-banner';
import { WorkspaceSummary } from '../components/workspace-summary';

export function HomeRoute() {
  const session = useCurrentSession();
  const firstName = session.user.name.split(/\s+/)[0];

  return (
    <>
      <PageHeader
        title={`Welcome to Pulse — ${session.organisation.name}`}
        description={`Hello ${firstName}. Here is where to go next to start hearing from your customers.`}
      />
      <Stack gap="xl">
        {!session.user.emailVerified && <VerifyEmailBanner email={session.user.email} />}
        <SurveyJourney role={session.role} />
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <GettingStarted role={session.role} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <WorkspaceSummary session={session} />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
