import { Grid, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

import { PageHeader } from '../../../components/page-header';
import type { OnboardingStep } from '../../../lib/onboarding';
import { useCurrentSession } from '../../../lib/session';
import { GettingStarted } from '../components/getting-started';
import { WorkspaceSummary } from '../components/workspace-summary';

interface HomeRouteProps {
  /** The getting-started checklist, gathered from every feature by the app. */
  steps: readonly OnboardingStep[];
  /** Above everything, e.g. "verify your email"; other features own what it says. */
  notice?: ReactNode;
  /** Leads the main column, e.g. the survey templates a new organisation starts from. */
  lead?: ReactNode;
}

export function HomeRoute({ steps, notice, lead }: HomeRouteProps) {
  const session = useCurrentSession();
  const firstName = session.user.name.split(/\s+/)[0];

  return (
    <>
      <PageHeader
        title={`Welcome to Pulse — ${session.organisation.name}`}
        description={`Hello ${firstName}. Here is where to go next to start hearing from your customers.`}
      />
      <Stack gap="xl">
        {notice}
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="xl">
              {lead}
              <GettingStarted role={session.role} steps={steps} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <WorkspaceSummary session={session} />
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}
