import { Badge, Box, Code, Group, Stack, Table, Text } from '@mantine/core';
import type { ApiKey } from '@pulse/shared/schemas/api-keys';
import { IconBan } from '@tabler/icons-react';

import { ConfirmModal } from '../../../components/confirm-modal';
import { DangerAction } from '../../../components/danger-action';
import { ActionsHeader, DataTable } from '../../../components/data-table';
import { useConfirmedMutation } from '../../../lib/confirmed-mutation';
import { formatDate, formatFullDateTime, formatRelative } from '../../../lib/format';
import { useRevokeApiKey } from '../api/revoke-api-key';

export function ApiKeysTable({ apiKeys }: { apiKeys: ApiKey[] }) {
  const revoke = useConfirmedMutation(useRevokeApiKey(), {
    done: ({ name }: ApiKey) => ({ title: 'API key revoked', message: `Requests using “${name}” are now refused.` }),
    failedTitle: 'API key not revoked',
  });

  return (
    <>
      <DataTable
        head={
          <>
            <Table.Th>Name</Table.Th>
            <Table.Th>Scopes</Table.Th>
            <Table.Th visibleFrom="sm">Created</Table.Th>
            <Table.Th visibleFrom="sm">Last used</Table.Th>
            <Table.Th visibleFrom="sm">Status</Table.Th>
            <ActionsHeader />
          </>
        }
      >
        {apiKeys.map((apiKey) => (
          <Table.Tr key={apiKey.id} c={apiKey.revokedAt ? 'dimmed' : undefined}>
            <Table.Td>
              <Stack gap={4} align="flex-start">
                <Text size="sm" fw={500}>
                  {apiKey.name}
                </Text>
                {/* Only the prefix is ever stored in the clear; the ellipsis says there is more.
                    It may wrap: on phones the scopes need the width more than it does. */}
                <Code style={{ overflowWrap: 'anywhere' }}>{apiKey.prefix}…</Code>
                {/* The Status column does not fit on phones. */}
                <Box hiddenFrom="sm">
                  <StatusBadge revokedAt={apiKey.revokedAt} />
                </Box>
              </Stack>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {apiKey.scopes.map((scope) => (
                  <Badge key={scope} variant="light" color="gray" tt="none" fw={500}>
                    {scope}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td visibleFrom="sm">
              <Stack gap={0}>
                <Text size="sm" title={formatFullDateTime(apiKey.createdAt)}>
                  {formatDate(apiKey.createdAt)}
                </Text>
                <Text size="xs" c="dimmed">
                  by {apiKey.createdBy}
                </Text>
              </Stack>
            </Table.Td>
            <Table.Td visibleFrom="sm">
              {apiKey.lastUsedAt ? (
                <Text size="sm" title={formatFullDateTime(apiKey.lastUsedAt)}>
                  {formatRelative(apiKey.lastUsedAt)}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  Never
                </Text>
              )}
            </Table.Td>
            <Table.Td visibleFrom="sm">
              <StatusBadge revokedAt={apiKey.revokedAt} />
            </Table.Td>
            <Table.Td>
              {!apiKey.revokedAt && (
                <DangerAction
                  text="Revoke"
                  label={`Revoke ${apiKey.name}`}
                  icon={IconBan}
                  onClick={() => revoke.ask(apiKey)}
                />
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmModal {...revoke.modal} title="Revoke API key" confirmLabel="Revoke key">
        {revoke.row && (
          <>
            Anything still using <strong>{revoke.row.name}</strong> (<code>{revoke.row.prefix}…</code>) will be refused
            from now on. This cannot be undone.
          </>
        )}
      </ConfirmModal>
    </>
  );
}

function StatusBadge({ revokedAt }: { revokedAt: string | null }) {
  if (revokedAt) {
    return (
      <Badge variant="light" color="red" title={`Revoked ${formatFullDateTime(revokedAt)}`}>
        Revoked
      </Badge>
    );
  }
  return (
    <Badge variant="light" color="teal">
      Active
    </Badge>
  );
}
