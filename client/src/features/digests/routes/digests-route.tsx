import { Stack } from '@mantine/core';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { useCan } from '../../../lib/session';
import { useDigestRecipients, useMyDigest } from '../api/get-digests';
import { MyDigestForm } from '../components/my-digest-form';
import { RecipientsPanel } from '../components/recipients-panel';

export function DigestsRoute() {
  const mine = useMyDigest();
  const canManage = useCan('members.manage');
  const recipients = useDigestRecipients(canManage);
  return (
    <>
      <PageHeader
        title="Digests"
        description="A summary by email, daily, weekly or monthly, at the hour you choose in your time zone."
      />
      <Stack gap="md">
        <QueryContent
          query={mine}
          skeleton={<TableSkeleton label="Loading your digest" />}
          errorTitle="Your digest could not be loaded"
        >
          {(d) => <MyDigestForm key={d.subscription?.id ?? 'new'} subscription={d.subscription} />}
        </QueryContent>
        {canManage && (
          <QueryContent
            query={recipients}
            skeleton={<TableSkeleton label="Loading recipients" />}
            errorTitle="Recipients could not be loaded"
          >
            {(d) => <RecipientsPanel recipients={d.subscriptions} />}
          </QueryContent>
        )}
      </Stack>
    </>
  );
}
