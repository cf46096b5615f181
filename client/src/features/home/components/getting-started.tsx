import { Anchor, Group, Paper, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { can, type Role } from '@pulse/shared/permissions';
import { IconCheck, IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';

import type { OnboardingStep } from '../../../lib/onboarding';

interface GettingStartedProps {
  role: Role;
  /** Every feature's steps, in order; this shows the ones the role can do. */
  steps: readonly OnboardingStep[];
}

/** The setup steps this role can take, each ticked off once it has been done in the organisation. */
export function GettingStarted({ role, steps }: GettingStartedProps) {
  const shown = steps.filter((step) => can(role, step.permission));
  return (
    <Stack gap="sm" component="section" aria-labelledby="getting-started">
      <Title order={2} size="h4" id="getting-started">
        Getting started
      </Title>
      {shown.length === 0 ? (
        <Paper bg="white" p="md">
          <Text size="sm">
            Nothing to set up for your role: owners and admins look after the organisation’s settings, team and API
            keys.
          </Text>
        </Paper>
      ) : (
        // Clips a hovered row to the rounded corners.
        <Paper bg="white" p={0} style={{ overflow: 'hidden' }}>
          <Stack gap={0} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
            {shown.map((step, index) => (
              <StepRow key={step.id} step={step} first={index === 0} />
            ))}
          </Stack>
        </Paper>
      )}
      <Text size="sm" c="dimmed">
        Building an integration? The <Anchor href="/api/docs">API reference</Anchor> lists every endpoint.
      </Text>
    </Stack>
  );
}

/** Its own component so each step's `useDone` hook runs once per render, in a stable order. */
function StepRow({ step, first }: { step: OnboardingStep; first: boolean }) {
  const done = step.useDone() === true;
  const { icon: StepIcon } = step;
  const descriptionId = `step-${step.id}-description`;
  return (
    <li className="step" style={first ? undefined : { borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group wrap="nowrap" gap="md" p="md">
        <ThemeIcon size={40} radius="md" variant="light" color={done ? 'teal' : 'indigo'}>
          {done ? <IconCheck size={22} aria-hidden /> : <StepIcon size={22} aria-hidden />}
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1 }}>
          {/* The link holds the title alone (its name, so it does not compete with the navigation
              for "Members"); the row is made clickable by the link's stretched ::after. */}
          <Anchor
            component={Link}
            to={step.to}
            fw={600}
            size="sm"
            c="gray.9"
            underline="never"
            className="step-link"
            aria-describedby={descriptionId}
            td={done ? 'line-through' : undefined}
          >
            {step.title}
          </Anchor>
          <Text size="sm" c="dimmed" id={descriptionId}>
            {done && <VisuallyHidden>Done. </VisuallyHidden>}
            {step.description}
          </Text>
        </Stack>
        {done ? (
          <Text size="xs" fw={600} c="teal.9" aria-hidden>
            Done
          </Text>
        ) : (
          <IconChevronRight size={18} aria-hidden color="var(--mantine-color-gray-6)" />
        )}
      </Group>
    </li>
  );
}
