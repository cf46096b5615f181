import { Paper, Stack } from '@mantine/core';
import { SkipReason } from '@pulse/shared/schemas/interactions';
import { InvitationState } from '@pulse/shared/schemas/invitations';
import { IconMailForward } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { useInvitations, type InvitationFilters as Filters } from '../api/get-invitations';
import { InvitationFilters } from '../components/invitation-filters';
import { InvitationsTable } from '../components/invitations-table';
import { LoadMore } from '../../../components/load-more';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-f0-9]{24}$/;

const URL_KEYS = {
  touchpointId: 'touchpoint',
  state: 'state',
  reason: 'reason',
  contactId: 'contact',
  from: 'from',
  to: 'to',
} as const;

/** Filters live in the URL (and so in the query key): reloading or sharing keeps the view. */
function useFiltersInUrl(): [Filters, (filters: Filters) => void] {
  const [params, setParams] = useSearchParams();
  const id = (name: string) => (ID.test(params.get(name) ?? '') ? params.get(name)! : undefined);
  const day = (name: string) => (DAY.test(params.get(name) ?? '') ? params.get(name)! : undefined);
  const state = InvitationState.safeParse(params.get('state'));
  const reason = SkipReason.safeParse(params.get('reason'));
  const filters: Filters = {
    touchpointId: id('touchpoint'),
    state: state.success ? state.data : undefined,
    reason: reason.success ? reason.data : undefined,
    contactId: id('contact'),
    from: day('from'),
    to: day('to'),
  };
  const setFilters = (next: Filters) => {
    const search = new URLSearchParams();
    for (const [field, name] of Object.entries(URL_KEYS)) {
      const value = next[field as keyof Filters];
      if (value) search.set(name, value);
    }
    setParams(search, { replace: true });
  };
  return [filters, setFilters];
}

export function InvitationsRoute() {
  const [filters, setFilters] = useFiltersInUrl();
  const invitations = useInvitations(filters);
  const rows = invitations.data?.pages.flatMap((p) => p.invitations) ?? [];
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title="Invitations"
        description="Every decision Pulse made after an interaction, newest first: who was asked and what became of it, or why nobody was."
      />
      <Stack gap="md">
        <InvitationFilters filters={filters} onChange={setFilters} />
        <QueryContent
          query={invitations}
          skeleton={<TableSkeleton label="Loading invitations" rows={6} />}
          errorTitle="The invitations could not be loaded"
          empty={{
            when: () => rows.length === 0,
            icon: IconMailForward,
            title: filtered ? 'Nothing matches these filters' : 'No invitations yet',
            description: filtered
              ? 'Try another touchpoint, state or a wider range of days.'
              : 'Each interaction your systems report, or you import, leads to a decision shown here.',
          }}
        >
          {() => (
            <Stack gap="md">
              <Paper bg="white">
                <InvitationsTable invitations={rows} />
              </Paper>
              <LoadMore query={invitations} shown={rows.length} noun="invitation" />
            </Stack>
          )}
        </QueryContent>
      </Stack>
    </>
  );
}
