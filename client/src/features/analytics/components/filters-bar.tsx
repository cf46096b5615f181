import { Group, Paper, Select, SegmentedControl, TextInput } from '@mantine/core';
import type { MetricKind } from '@pulse/shared/metrics/scales';
import type { SummaryResponse } from '@pulse/shared/schemas/analytics';

import type { DashboardFilters } from '../lib/filters';
import { dimensionLabel } from '../lib/labels';

interface FiltersBarProps {
  filters: DashboardFilters;
  dimensions: SummaryResponse['dimensions'] | undefined;
  period: { from: string; to: string } | undefined;
  onChange: (change: Partial<DashboardFilters>) => void;
}

const options = (values: string[] | undefined) => (values ?? []).map((v) => ({ value: v, label: dimensionLabel(v) }));

export function FiltersBar({ filters, dimensions, period, onChange }: FiltersBarProps) {
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
        <Select
          label="Survey"
          placeholder="All surveys"
          clearable
          data={options(dimensions?.surveys)}
          value={filters.surveyId ?? null}
          onChange={(v) => onChange({ surveyId: v ?? undefined })}
        />
        <Select
          label="Touchpoint"
          placeholder="All touchpoints"
          clearable
          data={options(dimensions?.touchpoints)}
          value={filters.touchpointId ?? null}
          onChange={(v) => onChange({ touchpointId: v ?? undefined })}
        />
        <Select
          label="Channel"
          placeholder="All channels"
          clearable
          data={options(dimensions?.channels)}
          value={filters.channel ?? null}
          onChange={(v) => onChange({ channel: v ?? undefined })}
        />
      </Group>
    </Paper>
  );
}
