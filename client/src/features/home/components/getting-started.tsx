import { Anchor, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { can, type Permission, type Role } from '@pulse/shared/permissions';
import { IconChevronRight, IconKey, IconSettings, IconUsers, type Icon } from '@tabler/icons-react';
import { Link } from 'react-router';

interface Step {
  to: string;
  icon: Icon;
  title: string;
  description: string;
  permission: Permission;
}

const STEPS: Step[] = [
  {
    to: '/settings',
    icon: IconSettings,
    title: 'Review your organisation details',
    description: 'In Settings, pick the reporting time zone and the name survey emails come from.',
    permission: 'org.read',
  },
  {
    to: '/team',
    icon: IconUsers,
    title: 'Invite your colleagues',
    description: 'Bring in the people who act on customer feedback, each with the role they need.',
    permission: 'members.read',
  },
  {
    to: '/api-keys',
    icon: IconKey,
    title: 'Connect your systems',
    description: 'Create a key so your CRM or help desk can tell Pulse when to ask for feedback.',
    permission: 'apikeys.manage',
  },
];

/** Links to the setup pages this role can use; no invented progress, just where to go next. */
export function GettingStarted({ role }: { role: Role }) {
  const steps = STEPS.filter((step) => can(role, step.permission));
  return (
    <Stack gap="sm" component="section" aria-labelledby="getting-started">
      <Title order={2} size="h4" id="getting-started">
        Getting started
      </Title>
      {/* Clips a hovered row to the rounded corners. */}
      <Paper bg="white" p={0} style={{ overflow: 'hidden' }}>
        <Stack gap={0} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {steps.map(({ to, icon: StepIcon, title, description }, index) => (
            <li
              key={to}
              className="step"
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
            >
              <Group wrap="nowrap" gap="md" p="md">
                <ThemeIcon size={40} radius="md" variant="light">
                  <StepIcon size={22} aria-hidden />
                </ThemeIcon>
                <Stack gap={2} style={{ flex: 1 }}>
                  {/* The link holds the title alone (its name, so it does not compete with the
                      navigation for "Team", and all of its visible text); the row is made
                      clickable by the link's stretched ::after, not by wrapping the description. */}
                  <Anchor
                    component={Link}
                    to={to}
                    fw={600}
                    size="sm"
                    c="gray.9"
                    underline="never"
                    className="step-link"
                    aria-describedby={`step-${index}-description`}
                  >
                    {title}
                  </Anchor>
                  <Text size="sm" c="dimmed" id={`step-${index}-description`}>
                    {description}
                  </Text>
                </Stack>
                <IconChevronRight size={18} aria-hidden color="var(--mantine-color-gray-6)" />
              </Group>
            </li>
          ))}
        </Stack>
      </Paper>
      <Text size="sm" c="dimmed">
        Building an integration? The <Anchor href="/api/docs">API reference</Anchor> lists every endpoint.
      </Text>
    </Stack>
  );
}
