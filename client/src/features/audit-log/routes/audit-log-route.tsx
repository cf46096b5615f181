import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconHistory } from '@tabler/icons-react';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { errorMessage } from '../../../lib/api-client';
import { formatCount } from '../../../lib/format';
import { auditLogExportUrl } from '../api/export-audit-log';
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
      <QueryContent
        query={auditLog}
        skeleton={<TableSkeleton label="Loading the audit log" rows={6} />}
        errorTitle="The audit log could not be loaded"
        empty={{
          when: () => events.length === 0,
          icon: IconHistory,
          title: 'Nothing recorded yet',
          description: 'Sign-ins, invitations, role changes and settings updates will appear here.',
        }}
      >
        {() => (
          <Stack gap="md">
            <Paper bg="white">
              <AuditLogTable events={events} />
            </Paper>
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed" aria-live="polite">
                Showing {formatCount(events.length, 'event')}
              </Text>
              {auditLog.hasNextPage ? (
                <Button
                  variant="default"
                  onClick={() => auditLog.fetchNextPage()}
                  loading={auditLog.isFetchingNextPage}
                >
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
      </QueryContent>
    </>
  );
}
