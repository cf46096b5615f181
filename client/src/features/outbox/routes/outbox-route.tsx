import { Button, Stack } from '@mantine/core';
import { IconMailOpened, IconRefresh } from '@tabler/icons-react';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { useOutbox } from '../api/get-outbox';
import { OutboxMessage } from '../components/outbox-message';

/** Only routed when the session says this server runs the outbox (development, with a mail catcher). */
export function OutboxRoute() {
  const outbox = useOutbox();

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Mail this organisation sent while running in development (invitations). Mail to your own account, such as a password reset, is in the mail catcher."
        action={
          <Button
            variant="default"
            leftSection={<IconRefresh size={18} aria-hidden />}
            onClick={() => outbox.refetch()}
            loading={outbox.isFetching && !outbox.isPending}
          >
            Refresh
          </Button>
        }
      />
      <QueryContent
        query={outbox}
        skeleton={<TableSkeleton label="Loading the outbox" />}
        errorTitle="The outbox could not be loaded"
        empty={{
          when: (data) => data.messages.length === 0,
          icon: IconMailOpened,
          title: 'No mail yet',
          description:
            'Invite a teammate or request a password reset, and the message will appear here within a few seconds.',
        }}
      >
        {(data) => (
          <Stack gap="md">
            {data.messages.map((message) => (
              <OutboxMessage key={message.id} message={message} />
            ))}
          </Stack>
        )}
      </QueryContent>
    </>
  );
}
