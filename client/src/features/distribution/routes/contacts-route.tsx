import { Button, Paper, Stack } from '@mantine/core';
import { IconFileImport, IconUsers } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { useCan } from '../../../lib/session';
import { useContacts, type ContactFilters as Filters } from '../api/get-contacts';
import { ContactFilters } from '../components/contact-filters';
import { ContactsTable } from '../components/contacts-table';
import { LoadMore } from '../../../components/load-more';

/** Filters live in the URL (and so in the query key): reloading or sharing keeps the view. */
function useFiltersInUrl(): [Filters, (filters: Filters) => void] {
  const [params, setParams] = useSearchParams();
  const suppressed = params.get('suppressed');
  const attrKey = params.get('attr');
  const filters: Filters = {
    q: params.get('q') ?? undefined,
    suppressed: suppressed === 'true' || suppressed === 'false' ? suppressed : undefined,
    attribute: attrKey ? { key: attrKey, value: params.get('value') ?? '' } : undefined,
  };
  const setFilters = (next: Filters) => {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.suppressed) search.set('suppressed', next.suppressed);
    if (next.attribute) {
      search.set('attr', next.attribute.key);
      if (next.attribute.value) search.set('value', next.attribute.value);
    }
    setParams(search, { replace: true });
  };
  return [filters, setFilters];
}

export function ContactsRoute() {
  const [filters, setFilters] = useFiltersInUrl();
  const contacts = useContacts(filters);
  const canImport = useCan('distribution.write');
  const rows = contacts.data?.pages.flatMap((p) => p.contacts) ?? [];
  const filtered = Boolean(filters.q || filters.suppressed || filters.attribute?.value);

  return (
    <>
      <PageHeader
        title="Contacts"
        description="One record per customer, whatever touchpoint or channel they came through. Open one for their timeline."
        action={
          canImport && (
            <Button
              component={Link}
              to="/import"
              variant="default"
              leftSection={<IconFileImport size={18} aria-hidden />}
            >
              Import CSV
            </Button>
          )
        }
      />
      <Stack gap="md">
        <ContactFilters filters={filters} onChange={setFilters} />
        <QueryContent
          query={contacts}
          skeleton={<TableSkeleton label="Loading contacts" rows={6} />}
          errorTitle="The contacts could not be loaded"
          empty={{
            when: () => rows.length === 0,
            icon: IconUsers,
            title: filtered ? 'Nobody matches these filters' : 'No contacts yet',
            description: filtered
              ? 'Try another search or attribute value.'
              : 'Contacts appear when your systems report interactions, or when you import a CSV.',
          }}
        >
          {() => (
            <Stack gap="md">
              <Paper bg="white">
                <ContactsTable contacts={rows} />
              </Paper>
              <LoadMore query={contacts} shown={rows.length} noun="contact" />
            </Stack>
          )}
        </QueryContent>
      </Stack>
    </>
  );
}
