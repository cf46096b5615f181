import { Group, NativeSelect, Paper, SegmentedControl, TextInput } from '@mantine/core';
import type { MetricKind } from '@pulse/shared/metrics/scales';
import type { SummaryResponse } from '@pulse/shared/schemas/analytics';

import type { DashboardFilters } from '../lib/filters';
import { dimensionLabel } from '../lib/labels';
import { useTouchpointLabel } from '../lib/touchpoint-names';

interface FiltersBarProps {
  filters: DashboardFilters;
  dimensions: SummaryResponse['dimensions'] | undefined;
  period: { from: string; to: string } | undefined;
  onChange: (change: Partial<DashboardFilters>) => void;
}

/** Native selects: light, and the platform's own picker on phones. The empty value means "all". */
const options = (all: string, values: string[] | undefined, label = dimensionLabel) => [
  { value: '', label: all },
  ...(values ?? []).map((v) => ({ value: v, label: label(v) })),
];

export function FiltersBar({ filters, dimensions, period, onChange }: FiltersBarProps) {
  const touchpointLabel = useTouchpointLabel();
  return (
    <Paper bg="white" p="md" mb="lg">
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          value={filters.kind}
          onChange={(kind) => onChange({ kind: kind as MetricKind, surveyId: undefined })}
          data={[
            { value: 'nps', label: 'NPS' },
            { value: 'csat', label: 'CSAT' },
            { value: 'ces', label: 'CES' },
          ]}
          aria-label="Metric"
        />
        <TextInput
          type="date"
          label="From"
          value={filters.from ?? period?.from ?? ''}
          onChange={(e) => onChange({ from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label="To"
          value={filters.to ?? period?.to ?? ''}
          onChange={(e) => onChange({ to: e.currentTarget.value || undefined })}
        />
        <NativeSelect
          label="Survey"
          data={options('All surveys', dimensions?.surveys)}
          value={filters.surveyId ?? ''}
          onChange={(e) => onChange({ surveyId: e.currentTarget.value || undefined })}
        />
        <NativeSelect
          label="Touchpoint"
          data={options('All touchpoints', dimensions?.touchpoints, touchpointLabel)}
          value={filters.touchpointId ?? ''}
          onChange={(e) => onChange({ touchpointId: e.currentTarget.value || undefined })}
        />
        <NativeSelect
          label="Channel"
          data={options('All channels', dimensions?.channels)}
          value={filters.channel ?? ''}
          onChange={(e) => onChange({ channel: e.currentTarget.value || undefined })}
        />
      </Group>
    </Paper>
  );
}
