import { Group, SegmentedControl, Select, Title } from '@mantine/core';

import { LANGUAGE_OPTIONS } from '../../../lib/labels';

export type Device = 'desktop' | 'phone';

interface PreviewHeaderProps {
  id: string;
  title: string;
  /** What the width switch changes, for screen readers ("Email preview width"). */
  widthLabel: string;
  device: Device;
  onDevice: (device: Device) => void;
}

/** A preview's title and its desktop/phone switch: the two previews of the builder look alike. */
export function PreviewHeader({ id, title, widthLabel, device, onDevice }: PreviewHeaderProps) {
  return (
    <Group justify="space-between">
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      <SegmentedControl
        size="xs"
        aria-label={widthLabel}
        data={[
          { value: 'desktop', label: 'Desktop' },
          { value: 'phone', label: 'Phone' },
        ]}
        value={device}
        onChange={(v) => onDevice(v as Device)}
      />
    </Group>
  );
}

interface PreviewLanguageProps {
  languages: string[];
  value: string;
  onChange: (language: string | null) => void;
}

/** Which of the survey's languages the preview shows, by name. */
export function PreviewLanguage({ languages, value, onChange }: PreviewLanguageProps) {
  return (
    <Select
      size="xs"
      label="Language"
      allowDeselect={false}
      data={languages.map((l) => ({ value: l, label: LANGUAGE_OPTIONS.find((o) => o.value === l)?.label ?? l }))}
      value={value}
      onChange={onChange}
    />
  );
}
