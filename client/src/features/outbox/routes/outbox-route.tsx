import { Alert, Button, EmptyState, Paper, Stack } from '@mantine/core';
import { IconInfoCircle, IconMailOpened, IconRefresh } from '@tabler/icons-react';

import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/table-skeleton';
import { ApiError } from '../../../lib/api-client';
import { useOutbox } from '../api/get-outbox';
import { OutboxMessage } from '../components/outbox-message';

export function OutboxRoute() {
  const outbox = useOutbox();
  // The route only exists when the server runs with its development mail catcher.
  const notInDevelopment = outbox.error instanceof ApiError && outbox.error.status === 404;

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Email Pulse sent while running in development — invitations, password resets, verifications."
        action={
          !notInDevelopment && (
            <Button
              variant="default"
              leftSection={<IconRefresh size={18} aria-hidden />}
              onClick={() => outbox.refetch()}
              loading={outbox.isFetching && !outbox.isPending}
            >
              Refresh
            </Button>
          )
        }
      />
      {outbox.isPending ? (
        <TableSkeleton label="Loading the outbox" />
      ) : notInDevelopment ? (
        <Alert
          color="indigo"
          variant="light"
          icon={<IconInfoCircle size={20} aria-hidden />}
          title="Only available in development"
        >
          This server delivers email for real, so there is no outbox to show. When Pulse runs in development, every
          message it sends is caught and listed here instead.
        </Alert>
      ) : outbox.isLoadingError ? (
        <ErrorState error={outbox.error} title="The outbox could not be loaded" onRetry={() => outbox.refetch()} />
      ) : outbox.data.messages.length === 0 ? (
        <Paper bg="white" p="xl">
          <EmptyState
            icon={<IconMailOpened size={28} aria-hidden />}
            withIndicatorBackground
            title="No mail yet"
            description="Invite a teammate or request a password reset, and the message will appear here within a few seconds."
          />
        </Paper>
      ) : (
        <Stack gap="md">
          {outbox.data.messages.map((message) => (
            <OutboxMessage key={message.id} message={message} />
          ))}
        </Stack>
      )}
    </>
  );
}
