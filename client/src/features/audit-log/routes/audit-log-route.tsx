import { Button, EmptyState, Group, Paper, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';

import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/table-skeleton';
import { errorMessage } from '../../../lib/api-client';
import { formatCount } from '../../../lib/format';
import { useAuditLog } from '../api/get-audit-log';
import { AuditLogTable } from '../components/audit-log-table';

export function AuditLogRoute() {
  const auditLog = useAuditLog();
  const events = auditLog.data?.pages.flatMap((page) => page.events) ?? [];

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what in this organisation, newest first: sign-ins, team changes, API keys and settings."
      />
      {auditLog.isPending ? (
        <TableSkeleton label="Loading the audit log" rows={6} />
      ) : auditLog.isLoadingError ? (
        <ErrorState
          error={auditLog.error}
          title="The audit log could not be loaded"
          onRetry={() => auditLog.refetch()}
        />
      ) : events.length === 0 ? (
        <Paper bg="white" p="xl">
          <EmptyState
            icon={<IconHistory size={28} aria-hidden />}
            withIndicatorBackground
            title="Nothing recorded yet"
            description="Sign-ins, invitations, role changes and settings updates will appear here."
          />
        </Paper>
      ) : (
        <Stack gap="md">
          <Paper bg="white">
            <AuditLogTable events={events} />
          </Paper>
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              Showing {formatCount(events.length, 'event')}
            </Text>
            {auditLog.hasNextPage ? (
              <Button variant="default" onClick={() => auditLog.fetchNextPage()} loading={auditLog.isFetchingNextPage}>
                Load more
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                That’s everything.
              </Text>
            )}
          </Group>
          {auditLog.isFetchNextPageError && (
            <Text size="sm" c="red.9" role="alert">
              The next page did not load: {errorMessage(auditLog.error)}
            </Text>
          )}
        </Stack>
      )}
    </>
  );
}
