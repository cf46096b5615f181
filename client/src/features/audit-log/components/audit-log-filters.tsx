import { Select } from '@mantine/core';
import { AUDIT_ACTION_LABELS, AuditAction } from '@pulse/shared/schemas/audit';

import { DateRangeInputs, FilterPanel } from '../../../components/filter-panel';
import type { AuditFilters } from '../api/get-audit-log';
import { usePeople } from '../api/get-people';

const ACTION_OPTIONS = AuditAction.options.map((action) => ({ value: action, label: AUDIT_ACTION_LABELS[action] }));

interface AuditLogFiltersProps {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}

/** Action, person and days; each change lands in the URL, so a filtered view can be shared. */
export function AuditLogFilters({ filters, onChange }: AuditLogFiltersProps) {
  const people = usePeople();
  const set = (patch: Partial<AuditFilters>) => onChange({ ...filters, ...patch });
  const any = Object.values(filters).some(Boolean);

  return (
    <FilterPanel cols={{ base: 1, xs: 2, md: 4 }} active={any} onClear={() => onChange({})}>
      <Select
        label="Action"
        placeholder="Any action"
        data={ACTION_OPTIONS}
        value={filters.action ?? null}
        onChange={(value) => set({ action: value ? AuditAction.parse(value) : undefined })}
        clearable
        searchable
      />
      <Select
        label="Person"
        placeholder={people.isError ? 'Could not load the team' : 'Anyone'}
        data={people.data ?? []}
        value={filters.actorId ?? null}
        onChange={(value) => set({ actorId: value ?? undefined })}
        clearable
        searchable
        nothingFoundMessage="Nobody by that name"
      />
      <DateRangeInputs value={filters} onChange={set} />
    </FilterPanel>
  );
}
