import { Autocomplete, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useId } from 'react';

import { useTouchpointOptions } from '../api/get-digests';

export type TimingValues = {
  frequency: 'daily' | 'weekly' | 'monthly';
  /** A Select's value: the hour as text, "0" to "23". */
  hour: string;
  timeZone: string;
  touchpointIds: string[];
};

export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const ZONES: string[] = (() => {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return supported.includes('UTC') ? supported : ['UTC', ...supported];
})();
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }));

/** A due time as the recipient will see it: in the digest's own zone, not the browser's. */
export const formatInZone = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso)) +
  ` (${timeZone})`;

export const toSettings = (v: TimingValues) => ({
  frequency: v.frequency,
  hour: Number(v.hour),
  timeZone: v.timeZone,
  touchpointIds: v.touchpointIds,
});

/** Frequency, local hour, time zone and touchpoints: the same fields for my digest and a recipient's. */
export function TimingFields<V extends TimingValues>({ form }: { form: UseFormReturnType<V> }) {
  const touchpoints = useTouchpointOptions();
  const f = form as unknown as UseFormReturnType<TimingValues>;
  // Two of these forms share the page: each labels its own control.
  const frequencyLabel = useId();
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} mb={4} id={frequencyLabel}>
          How often
        </Text>
        <SegmentedControl
          aria-labelledby={frequencyLabel}
          data={[
            { value: 'daily', label: 'Daily' },
            { value: 'weekly', label: 'Weekly (Mondays)' },
            { value: 'monthly', label: 'Monthly (the 1st)' },
          ]}
          {...f.getInputProps('frequency')}
        />
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="At"
          description="Local time in the chosen time zone"
          data={HOURS}
          allowDeselect={false}
          {...f.getInputProps('hour')}
        />
        {/* Free text with suggestions: browsers list some zones under old names (Asia/Calcutta), and the
            server accepts every IANA name it knows, answering on this field when it does not. */}
        <Autocomplete
          label="Time zone"
          description="An IANA name such as Europe/Paris; daylight-saving changes are followed"
          data={ZONES}
          limit={20}
          {...f.getInputProps('timeZone')}
        />
      </SimpleGrid>
      <MultiSelect
        label="Touchpoints"
        description="Leave empty for all of them"
        placeholder={f.getValues().touchpointIds.length ? undefined : 'All touchpoints'}
        data={touchpoints.data ?? []}
        searchable
        clearable
        {...f.getInputProps('touchpointIds')}
      />
    </Stack>
  );
}
