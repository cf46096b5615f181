import { SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { METRIC_SCALES } from '@pulse/shared/metrics/scales';
import type { Display } from '@pulse/shared/schemas/survey-definition';

import type { FieldErrors } from '../../../lib/forms';
import { KIND_LABELS } from './survey-labels';
import type { Draft, UpdateDraft } from './use-draft';

const DISPLAYS: Array<{ value: Display; label: string }> = [
  { value: 'number', label: 'Numbers' },
  { value: 'star', label: 'Stars' },
  { value: 'emoji', label: 'Faces' },
];

export function PrimaryQuestionEditor({
  draft,
  update,
  errors,
}: {
  draft: Draft;
  update: UpdateDraft;
  errors: FieldErrors;
}) {
  const { primary } = draft;
  const scales = METRIC_SCALES[primary.kind];
  return (
    <Stack gap="md">
      <Textarea
        label={`${KIND_LABELS[primary.kind]} question`}
        description="Placeholders: {{company}}, {{contact.firstName | fallback}}, any {{contact.attribute}}"
        autosize
        minRows={2}
        value={primary.text}
        onChange={(e) => {
          const value = e.currentTarget.value;
          update((d) => void (d.primary.text = value));
        }}
        error={errors['primary.text']}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Select
          label="Scale"
          data={scales.map((s) => ({ value: `${s.min}-${s.max}`, label: `${s.min} to ${s.max}` }))}
          value={`${primary.scale.min}-${primary.scale.max}`}
          onChange={(value) => {
            const [min, max] = (value ?? '').split('-').map(Number);
            if (min !== undefined && max !== undefined) update((d) => void (d.primary.scale = { min, max }));
          }}
          allowDeselect={false}
          disabled={scales.length === 1}
          error={errors['primary.scale']}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="display-label">
            Shown as
          </Text>
          <SegmentedControl
            aria-labelledby="display-label"
            data={DISPLAYS}
            value={primary.display}
            onChange={(value) => update((d) => void (d.primary.display = value as Display))}
          />
        </Stack>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          label={`Label under ${primary.scale.min}`}
          value={primary.minLabel}
          onChange={(e) => {
            const value = e.currentTarget.value;
            update((d) => void (d.primary.minLabel = value));
          }}
          error={errors['primary.minLabel']}
        />
        <TextInput
          label={`Label under ${primary.scale.max}`}
          value={primary.maxLabel}
          onChange={(e) => {
            const value = e.currentTarget.value;
            update((d) => void (d.primary.maxLabel = value));
          }}
          error={errors['primary.maxLabel']}
        />
      </SimpleGrid>
    </Stack>
  );
}
