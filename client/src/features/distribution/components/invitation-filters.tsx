import { Select } from '@mantine/core';
import { SkipReason } from '@pulse/shared/schemas/interactions';
import { InvitationState } from '@pulse/shared/schemas/invitations';

import { DateRangeInputs, FilterPanel } from '../../../components/filter-panel';
import type { InvitationFilters as Filters } from '../api/get-invitations';
import { useTouchpoints } from '../api/get-touchpoints';
import { REASON_LABELS, STATE_LABELS } from './distribution-labels';

interface InvitationFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** Touchpoint, state, skip reason and days; each change lands in the URL. */
export function InvitationFilters({ filters, onChange }: InvitationFiltersProps) {
  const touchpoints = useTouchpoints();
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const any = Object.values(filters).some(Boolean);

  return (
    <FilterPanel cols={{ base: 2, md: 5 }} active={any} onClear={() => onChange({})}>
      <Select
        label="Touchpoint"
        placeholder={touchpoints.isError ? 'Could not load touchpoints' : 'Any touchpoint'}
        data={(touchpoints.data?.touchpoints ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={filters.touchpointId ?? null}
        onChange={(value) => set({ touchpointId: value ?? undefined })}
        clearable
        searchable
      />
      <Select
        label="State"
        placeholder="Any state"
        data={InvitationState.options.map((value) => ({ value, label: STATE_LABELS[value] }))}
        value={filters.state ?? null}
        onChange={(value) => set({ state: value ? InvitationState.parse(value) : undefined })}
        clearable
      />
      <Select
        label="Skip reason"
        placeholder="Any decision"
        data={SkipReason.options.map((value) => ({ value, label: REASON_LABELS[value] }))}
        value={filters.reason ?? null}
        onChange={(value) => set({ reason: value ? SkipReason.parse(value) : undefined })}
        clearable
      />
      <DateRangeInputs value={filters} onChange={set} />
    </FilterPanel>
  );
}
