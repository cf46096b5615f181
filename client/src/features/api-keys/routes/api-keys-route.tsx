import { Anchor, Button, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';

import { PageHeader } from '../../../components/page-header';
import { QueryContent } from '../../../components/query-content';
import { TableSkeleton } from '../../../components/table-skeleton';
import { useApiKeys } from '../api/get-api-keys';
import { ApiKeysTable } from '../components/api-keys-table';
import { CreateApiKeyModal } from '../components/create-api-key-modal';

export function ApiKeysRoute() {
  const apiKeys = useApiKeys();
  const [createOpened, create] = useDisclosure(false);

  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let your other systems send interactions to Pulse and read results. See the{' '}
            <Anchor href="/api/docs">API reference</Anchor> for what each scope unlocks.
          </>
        }
        action={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={create.open}>
            Create API key
          </Button>
        }
      />
      <QueryContent
        query={apiKeys}
        skeleton={<TableSkeleton label="Loading API keys" />}
        errorTitle="API keys could not be loaded"
        empty={{
          when: (data) => data.apiKeys.length === 0,
          icon: IconKey,
          title: 'No API keys yet',
          description: 'Create one for each system that talks to Pulse, so you can revoke them one at a time.',
        }}
      >
        {(data) => (
          <Paper bg="white">
            <ApiKeysTable apiKeys={data.apiKeys} />
          </Paper>
        )}
      </QueryContent>
      <CreateApiKeyModal opened={createOpened} onClose={create.close} />
    </>
  );
}
