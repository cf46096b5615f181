import { Alert, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { bandsOf, type Band } from '@pulse/shared/metrics/scales';
import { SurveyDefinition } from '@pulse/shared/schemas/survey-definition';
import { useMemo, useState } from 'react';

import { useSurveyPreview } from '../api/preview-survey';
import { PreviewHeader, PreviewLanguage, type Device } from './preview-controls';
import { bandLabel } from './survey-labels';
import type { Draft } from './use-draft';

type Step = 'score' | 'followUps' | 'thankYou';
const WIDTHS: Record<Device, string> = { desktop: '100%', phone: '375px' };

/**
 * The live preview: the server renders the unsaved draft with the real respondent page, shown in a
 * sandboxed iframe (no scripts, forms go nowhere) at desktop or phone width.
 */
export function SurveyPreview({ draft }: { draft: Draft }) {
  const [device, setDevice] = useState<Device>('desktop');
  const [step, setStep] = useState<Step>('score');
  const [band, setBand] = useState<Band | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const bands = bandsOf(draft.primary.kind);
  const shownBand = band && bands.includes(band) ? band : bands[0]!;
  const shownLanguage = language && draft.languages.includes(language) ? language : draft.defaultLanguage;
  const [debounced] = useDebouncedValue(draft, 300);
  // The browser checks with the same schema as the server; an invalid draft keeps the last valid page.
  const checked = useMemo(() => SurveyDefinition.safeParse(debounced), [debounced]);
  const [definition, setDefinition] = useState(draft);
  if (checked.success && debounced !== definition) setDefinition(debounced);
  const preview = useSurveyPreview({ definition, language: shownLanguage, step, band: shownBand });
  const problems = checked.success ? 0 : checked.error.issues.length;

  return (
    <Stack gap="sm" component="section" aria-labelledby="preview-title">
      <PreviewHeader
        id="preview-title"
        title="Live preview"
        widthLabel="Preview width"
        device={device}
        onDevice={setDevice}
      />
      <Group grow gap="xs" align="flex-end">
        <Select
          size="xs"
          label="Screen"
          allowDeselect={false}
          data={[
            { value: 'score', label: 'Question' },
            { value: 'followUps', label: 'Follow-ups' },
            { value: 'thankYou', label: 'Thank-you' },
          ]}
          value={step}
          onChange={(v) => setStep((v as Step) ?? 'score')}
        />
        <Select
          size="xs"
          label="Answer from"
          allowDeselect={false}
          disabled={step === 'score'}
          data={bands.map((b) => ({ value: b, label: bandLabel(draft.primary.kind, draft.primary.scale, b) }))}
          value={shownBand}
          onChange={(v) => setBand(v as Band)}
        />
        <PreviewLanguage languages={draft.languages} value={shownLanguage} onChange={setLanguage} />
      </Group>
      {problems > 0 && (
        <Alert color="orange" variant="light" title="The preview shows the last valid draft">
          {problems === 1 ? '1 problem' : `${problems} problems`} to fix before this can be published: save or publish
          to see each at its field.
        </Alert>
      )}
      <Paper
        withBorder
        bg="gray.1"
        p={device === 'phone' ? 'md' : 0}
        style={{ display: 'flex', justifyContent: 'center', overflow: 'hidden' }}
      >
        {preview.data ? (
          <iframe
            title={`Respondent page preview (${device})`}
            data-testid="survey-preview"
            srcDoc={preview.data.html}
            sandbox=""
            style={{ width: WIDTHS[device], maxWidth: '100%', height: 600, border: 0, background: 'white' }}
          />
        ) : (
          <Text p="xl" c="dimmed">
            {preview.isError ? 'The preview could not be rendered.' : 'Rendering the preview…'}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
