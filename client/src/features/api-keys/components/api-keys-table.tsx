import { ActionIcon, Badge, Box, Code, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ApiKey } from '@pulse/shared/schemas/api-keys';
import { IconBan } from '@tabler/icons-react';
import { useState } from 'react';

import { ConfirmModal } from '../../../components/confirm-modal';
import { errorMessage } from '../../../lib/api-client';
import { formatDate, formatFullDateTime, formatRelative } from '../../../lib/format';
import { useRevokeApiKey } from '../api/revoke-api-key';

export function ApiKeysTable({ apiKeys }: { apiKeys: ApiKey[] }) {
  const revoke = useRevokeApiKey();
  const [toRevoke, setToRevoke] = useState<ApiKey | null>(null);

  const confirmRevoke = () => {
    if (!toRevoke) return;
    const { id, name } = toRevoke;
    revoke.mutate(id, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          title: 'API key revoked',
          message: `Requests using “${name}” are now refused.`,
        });
        setToRevoke(null);
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'API key not revoked', message: errorMessage(error) }),
    });
  };

  return (
    <>
      <Table.ScrollContainer minWidth={340}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th visibleFrom="sm">Created</Table.Th>
              <Table.Th visibleFrom="sm">Last used</Table.Th>
              <Table.Th visibleFrom="sm">Status</Table.Th>
              <Table.Th w={56}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {apiKeys.map((apiKey) => (
              <Table.Tr key={apiKey.id} c={apiKey.revokedAt ? 'dimmed' : undefined}>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm" fw={500}>
                      {apiKey.name}
                    </Text>
                    {/* Only the prefix is ever stored in the clear; the ellipsis says there is more. */}
                    <Code>{apiKey.prefix}…</Code>
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
                    <Tooltip label={`Revoke ${apiKey.name}`} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        aria-label={`Revoke ${apiKey.name}`}
                        onClick={() => setToRevoke(apiKey)}
                      >
                        <IconBan size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={toRevoke !== null}
        onClose={() => setToRevoke(null)}
        onConfirm={confirmRevoke}
        title="Revoke API key"
        confirmLabel="Revoke key"
        loading={revoke.isPending}
      >
        {toRevoke && (
          <>
            Anything still using <strong>{toRevoke.name}</strong> (<code>{toRevoke.prefix}…</code>) will be refused from
            now on. This cannot be undone.
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
