import { Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconWebhook } from '@tabler/icons-react';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { useWebhooks } from '../api/get-webhooks';
import { CreateWebhookModal } from '../components/create-webhook-modal';
import { DeliveryLog } from '../components/delivery-log';

export function WebhooksRoute() {
  const webhooks = useWebhooks();
  const [opened, modal] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Send responses, cases and alerts to your other systems, signed per the Standard Webhooks specification and retried for about a day."
        action={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={modal.open}>
            Add endpoint
          </Button>
        }
      />
      <QueryContent
        query={webhooks}
        skeleton={<TableSkeleton label="Loading webhook endpoints" />}
        errorTitle="Webhook endpoints could not be loaded"
        empty={{
          when: (d) => d.endpoints.length === 0,
          icon: IconWebhook,
          title: 'No endpoints yet',
          description: 'Add the address of a system that should hear about new feedback, e.g. your CRM or a chat bot.',
        }}
      >
        {(d) => (
          <Stack gap="md">
            {d.endpoints.map((e) => (
              <DeliveryLog key={e.id} endpoint={e} />
            ))}
          </Stack>
        )}
      </QueryContent>
      <CreateWebhookModal opened={opened} onClose={modal.close} />
    </>
  );
}
