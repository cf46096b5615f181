import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

import { useContactAttributes } from '../api/get-contact-attributes';
import type { ContactFilters as Filters } from '../api/get-contacts';

interface ContactFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** Search, suppression and one attribute; each lands in the URL. Typing waits for a pause before it queries. */
export function ContactFilters({ filters, onChange }: ContactFiltersProps) {
  const attributes = useContactAttributes();
  const [q, setQ] = useState(filters.q ?? '');
  const [value, setValue] = useState(filters.attribute?.value ?? '');
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const search = useDebouncedCallback((text: string) => set({ q: text.trim() || undefined }), 300);
  const setAttributeValue = useDebouncedCallback((text: string) => {
    if (filters.attribute) set({ attribute: { key: filters.attribute.key, value: text } });
  }, 300);
  const any = Boolean(filters.q || filters.suppressed || filters.attribute);

  return (
    <Paper bg="white" p="md" component="section" aria-label="Filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput
          label="Search"
          placeholder="Name, email or external id"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            search(event.currentTarget.value);
          }}
        />
        <Select
          label="Suppression"
          placeholder="Anyone"
          data={[
            { value: 'false', label: 'Can be asked' },
            { value: 'true', label: 'Suppressed' },
          ]}
          value={filters.suppressed ?? null}
          onChange={(next) => set({ suppressed: (next as Filters['suppressed']) ?? undefined })}
          clearable
        />
        <Select
          label="Attribute"
          placeholder={attributes.isError ? 'Could not load attributes' : 'Any attribute'}
          data={(attributes.data?.attributes ?? []).map((a) => ({ value: a.key, label: `${a.key} (${a.type})` }))}
          value={filters.attribute?.key ?? null}
          onChange={(key) => {
            setValue('');
            set({ attribute: key ? { key, value: '' } : undefined });
          }}
          clearable
          searchable
          nothingFoundMessage="No attribute by that name"
        />
        <TextInput
          label="Attribute value"
          placeholder={filters.attribute ? `${filters.attribute.key} equals…` : 'Choose an attribute first'}
          disabled={!filters.attribute}
          value={value}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            setAttributeValue(event.currentTarget.value);
          }}
        />
      </SimpleGrid>
      {any && (
        <Group justify="flex-end" mt="sm">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={() => {
              setQ('');
              setValue('');
              onChange({});
            }}
          >
            Clear filters
          </Button>
        </Group>
      )}
    </Paper>
  );
}
