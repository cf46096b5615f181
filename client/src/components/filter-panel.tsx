import { Button, Group, Paper, SimpleGrid, TextInput, type SimpleGridProps } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface FilterPanelProps {
  cols: SimpleGridProps['cols'];
  /** Whether any filter is set: only then is "Clear filters" offered. */
  active: boolean;
  onClear: () => void;
  children: ReactNode;
}

/** The filter bar above a log: the fields in a grid, and one way back to the unfiltered view. */
export function FilterPanel({ cols, active, onClear, children }: FilterPanelProps) {
  return (
    <Paper bg="white" p="md" component="section" aria-label="Filters">
      <SimpleGrid cols={cols} spacing="sm">
        {children}
      </SimpleGrid>
      {active && (
        <Group justify="flex-end" mt="sm">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={onClear}
          >
            Clear filters
          </Button>
        </Group>
      )}
    </Paper>
  );
}

interface DateRange {
  from?: string;
  to?: string;
}

interface DateRangeInputsProps {
  value: DateRange;
  onChange: (patch: DateRange) => void;
}

/** "From" and "To" days (ISO dates, as the URL carries them); each bounds the other's picker. */
export function DateRangeInputs({ value, onChange }: DateRangeInputsProps) {
  return (
    <>
      <TextInput
        label="From"
        type="date"
        value={value.from ?? ''}
        max={value.to}
        onChange={(event) => onChange({ from: event.currentTarget.value || undefined })}
      />
      <TextInput
        label="To"
        type="date"
        value={value.to ?? ''}
        min={value.from}
        onChange={(event) => onChange({ to: event.currentTarget.value || undefined })}
      />
    </>
  );
}
