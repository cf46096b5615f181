import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { Survey } from '@pulse/shared/schemas/surveys';
import { useState } from 'react';

import { useSurveyEmailPreview } from '../api/get-survey-email-preview';
import { PreviewHeader, PreviewLanguage, type Device } from './preview-controls';

// A desktop mail client shows the 600 px email in a wider pane; a phone is 375 px wide.
const WIDTHS: Record<Device, number> = { desktop: 680, phone: 375 };
const HEIGHT = 640;

/**
 * The real survey email of the saved draft, as the server renders it for recipients (MJML, the
 * organisation's sender, sample contact values), in a sandboxed iframe: no scripts run and its
 * links go nowhere. Desktop or phone width, in each of the survey's languages; the frame is laid out
 * at the real width and scaled down to fit the builder's column.
 */
export function SurveyEmailPreview({ survey, dirty }: { survey: Survey; dirty: boolean }) {
  const [device, setDevice] = useState<Device>('desktop');
  const [language, setLanguage] = useState<string | null>(null);
  const { languages, defaultLanguage } = survey.draft;
  const shownLanguage = language && languages.includes(language) ? language : defaultLanguage;
  const preview = useSurveyEmailPreview(survey.id, survey.revision, shownLanguage);
  const { ref, width: available } = useElementSize();
  const frameWidth = WIDTHS[device];
  const scale = available > 0 && available < frameWidth ? available / frameWidth : 1;

  return (
    <Stack gap="sm" component="section" aria-labelledby="email-preview-title">
      <PreviewHeader
        id="email-preview-title"
        title="Email preview"
        widthLabel="Email preview width"
        device={device}
        onDevice={setDevice}
      />
      <PreviewLanguage languages={languages} value={shownLanguage} onChange={setLanguage} />
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
      <Paper withBorder bg="gray.1" p="xs" ref={ref}>
        {preview.data ? (
          <div
            style={{ width: frameWidth * scale, height: HEIGHT * scale, overflow: 'hidden', margin: '0 auto' }}
            data-scale={scale.toFixed(2)}
          >
            <iframe
              title={`Survey email preview (${device})`}
              data-testid="survey-email-preview"
              srcDoc={preview.data.html}
              sandbox=""
              style={{
                width: frameWidth,
                height: HEIGHT,
                border: 0,
                background: 'white',
                transform: `scale(${scale})`,
                transformOrigin: 'top left',
              }}
            />
          </div>
        ) : (
          <Text p="xl" c="dimmed">
            {preview.isError ? 'The email preview could not be rendered.' : 'Rendering the email…'}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
