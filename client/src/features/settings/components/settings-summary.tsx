import { Alert, Divider, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Organisation } from '@pulse/shared/schemas/organisation';
import { IconLock } from '@tabler/icons-react';

import { formatTimeZoneOffset } from '../../../lib/format';
import { LANGUAGE_OPTIONS } from '../../../lib/labels';
import { SettingsSection } from './settings-section';

/** Settings for roles that may not change them: text to read, not fields that look editable. */
export function SettingsSummary({ organisation }: { organisation: Organisation }) {
  const language =
    LANGUAGE_OPTIONS.find((option) => option.value === organisation.defaultLanguage)?.label ??
    organisation.defaultLanguage;
  return (
    <Stack gap="lg">
      <Alert color="gray" variant="light" icon={<IconLock size={20} aria-hidden />}>
        Only owners and admins can change these settings.
      </Alert>
      <Paper bg="white" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="xl">
          <SettingsSection
            title="Organisation"
            description="How your organisation appears to teammates and respondents."
          >
            <Facts facts={[['Organisation name', organisation.name]]} />
          </SettingsSection>
          <Divider />
          <SettingsSection title="Reporting" description="How reports cut up time, and the language surveys start in.">
            <Facts
              facts={[
                ['Reporting time zone', `${organisation.timeZone} (${formatTimeZoneOffset(organisation.timeZone)})`],
                ['Default language', language],
              ]}
            />
          </SettingsSection>
          <Divider />
          <SettingsSection title="Email sender" description="Who survey emails say they come from.">
            <Facts
              facts={[
                ['Sender name', organisation.senderName],
                ['Sender email', organisation.senderEmail ?? 'The server’s default address'],
              ]}
            />
          </SettingsSection>
          <Divider />
          <SettingsSection title="Website widget" description="Sites whose pages may show your surveys in the widget.">
            <Facts facts={[['Allowed sites', organisation.widgetOrigins.join(', ') || 'None yet']]} />
          </SettingsSection>
        </Stack>
      </Paper>
    </Stack>
  );
}

function Facts({ facts }: { facts: [label: string, value: string][] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
      {facts.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="sm" fw={500}>
            {label}
          </Text>
          <Text component="dd" size="sm" m={0} mt={2} style={{ overflowWrap: 'anywhere' }}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
