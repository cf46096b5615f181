import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SessionResponse } from '@pulse/shared/schemas/auth';

import { formatDate, formatTimeZoneOffset } from '../../../lib/format';
import { LANGUAGE_OPTIONS, ROLE_LABELS } from '../../../lib/labels';

/** Facts about the organisation straight from the session: nothing here is estimated. */
export function WorkspaceSummary({ session }: { session: SessionResponse }) {
  const { organisation } = session;
  const language =
    LANGUAGE_OPTIONS.find((option) => option.value === organisation.defaultLanguage)?.label ??
    organisation.defaultLanguage;
  const facts = [
    { label: 'Your role', value: ROLE_LABELS[session.role] },
    {
      label: 'Reporting time zone',
      value: `${organisation.timeZone} (${formatTimeZoneOffset(organisation.timeZone)})`,
    },
    { label: 'Default language', value: language },
    { label: 'Created', value: formatDate(organisation.createdAt) },
  ];

  return (
    <Stack gap="sm" component="section" aria-labelledby="workspace-summary">
      <Title order={2} size="h4" id="workspace-summary">
        Your workspace
      </Title>
      <Paper bg="white" p="md">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="md" component="dl" m={0}>
          {facts.map(({ label, value }) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
                {label}
              </Text>
              <Text component="dd" size="sm" m={0} mt={2}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
