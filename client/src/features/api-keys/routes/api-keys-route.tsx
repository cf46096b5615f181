import { Anchor, Button, EmptyState, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';

import { ErrorState } from '../../../components/error-state';
import { PageHeader } from '../../../components/page-header';
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
      {apiKeys.isPending ? (
        <TableSkeleton label="Loading API keys" />
      ) : apiKeys.isLoadingError ? (
        <ErrorState error={apiKeys.error} title="API keys could not be loaded" onRetry={() => apiKeys.refetch()} />
      ) : apiKeys.data.apiKeys.length === 0 ? (
        <Paper bg="white" p="xl">
          <EmptyState
            icon={<IconKey size={28} aria-hidden />}
            withIndicatorBackground
            title="No API keys yet"
            description="Create one for each system that talks to Pulse, so you can revoke them one at a time."
          />
        </Paper>
      ) : (
        <Paper bg="white">
          <ApiKeysTable apiKeys={apiKeys.data.apiKeys} />
        </Paper>
      )}
      <CreateApiKeyModal opened={createOpened} onClose={create.close} />
    </>
  );
}
