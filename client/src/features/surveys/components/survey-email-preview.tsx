import { Alert, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import type { Survey } from '@pulse/shared/schemas/surveys';
import { useState } from 'react';

import { LANGUAGE_OPTIONS } from '../../../lib/labels';
import { useSurveyEmailPreview } from '../api/get-survey-email-preview';

const WIDTHS = { desktop: '100%', phone: '375px' } as const;

/**
 * The real survey email of the saved draft, as the server renders it for recipients (MJML, the
 * organisation's sender, sample contact values), in a sandboxed iframe: no scripts run and its
 * links go nowhere. Desktop or phone width, in each of the survey's languages.
 */
export function SurveyEmailPreview({ survey, dirty }: { survey: Survey; dirty: boolean }) {
  const [device, setDevice] = useState<keyof typeof WIDTHS>('desktop');
  const [language, setLanguage] = useState<string | null>(null);
  const { languages, defaultLanguage } = survey.draft;
  const shownLanguage = language && languages.includes(language) ? language : defaultLanguage;
  const preview = useSurveyEmailPreview(survey.id, survey.revision, shownLanguage);

  return (
    <Stack gap="sm" component="section" aria-labelledby="email-preview-title">
      <Group justify="space-between">
        <Title order={2} size="h4" id="email-preview-title">
          Email preview
        </Title>
        <SegmentedControl
          size="xs"
          aria-label="Email preview width"
          data={[
            { value: 'desktop', label: 'Desktop' },
            { value: 'phone', label: 'Phone' },
          ]}
          value={device}
          onChange={(v) => setDevice(v as keyof typeof WIDTHS)}
        />
      </Group>
      <Select
        size="xs"
        label="Language"
        allowDeselect={false}
        data={languages.map((l) => ({ value: l, label: LANGUAGE_OPTIONS.find((o) => o.value === l)?.label ?? l }))}
        value={shownLanguage}
        onChange={setLanguage}
      />
      {dirty && (
        <Alert color="orange" variant="light" title="This is the saved draft">
          Save the draft to see your latest changes in the email.
        </Alert>
      )}
      {preview.data && (
        <Text size="sm">
          <Text span fw={600}>
            Subject:
          </Text>{' '}
          <span data-testid="survey-email-subject">{preview.data.subject}</span>
        </Text>
      )}
      <Paper
        withBorder
        bg="gray.1"
        p={device === 'phone' ? 'md' : 0}
        style={{ display: 'flex', justifyContent: 'center', overflow: 'hidden' }}
      >
        {preview.data ? (
          <iframe
            title={`Survey email preview (${device})`}
            data-testid="survey-email-preview"
            srcDoc={preview.data.html}
            sandbox=""
            style={{ width: WIDTHS[device], maxWidth: '100%', height: 600, border: 0, background: 'white' }}
          />
        ) : (
          <Text p="xl" c="dimmed">
            {preview.isError ? 'The email preview could not be rendered.' : 'Rendering the email…'}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
