import { Button, Paper, Stack } from '@mantine/core';
import { AuditAction } from '@pulse/shared/schemas/audit';
import { IconDownload, IconHistory } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';

import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { auditLogExportUrl } from '../api/export-audit-log';
import { useAuditLog, type AuditFilters } from '../api/get-audit-log';
import { AuditLogFilters } from '../components/audit-log-filters';
import { AuditLogTable } from '../components/audit-log-table';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Filters live in the URL (and so in the query key): reloading or sharing keeps the view. */
function useFiltersInUrl(): [AuditFilters, (filters: AuditFilters) => void] {
  const [params, setParams] = useSearchParams();
  const action = AuditAction.safeParse(params.get('action'));
  const day = (name: string) => (DAY.test(params.get(name) ?? '') ? params.get(name)! : undefined);
  const filters: AuditFilters = {
    action: action.success ? action.data : undefined,
    actorId: params.get('person') ?? undefined,
    from: day('from'),
    to: day('to'),
  };
  const setFilters = ({ action, actorId, from, to }: AuditFilters) => {
    const next = new URLSearchParams();
    for (const [key, value] of [
      ['action', action],
      ['person', actorId],
      ['from', from],
      ['to', to],
    ] as const) {
      if (value) next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  return [filters, setFilters];
}

export function AuditLogRoute() {
  const [filters, setFilters] = useFiltersInUrl();
  const filtered = Object.values(filters).some(Boolean);
  const auditLog = useAuditLog(filters);
  const events = auditLog.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what in this organisation, newest first: sign-ins, team changes, API keys and settings."
        action={
          <Button
            component="a"
            href={auditLogExportUrl}
            download
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden />}
          >
            Export CSV
          </Button>
        }
      />
      <Stack gap="md">
        <AuditLogFilters filters={filters} onChange={setFilters} />
        <QueryContent
          query={auditLog}
          skeleton={<TableSkeleton label="Loading the audit log" rows={6} />}
          errorTitle="The audit log could not be loaded"
          empty={{
            when: () => events.length === 0,
            icon: IconHistory,
            title: filtered ? 'Nothing matches these filters' : 'Nothing recorded yet',
            description: filtered
              ? 'Try another action, person or a wider range of days.'
              : 'Sign-ins, invitations, role changes and settings updates will appear here.',
          }}
        >
          {() => (
            <Stack gap="md">
              <Paper bg="white">
                <AuditLogTable events={events} />
              </Paper>
              <LoadMore query={auditLog} shown={events.length} noun="event" />
            </Stack>
          )}
        </QueryContent>
      </Stack>
    </>
  );
}
