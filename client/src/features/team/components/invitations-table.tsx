import { ActionIcon, Badge, Box, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Invitation } from '@pulse/shared/schemas/members';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';

import { ConfirmModal } from '../../../components/confirm-modal';
import { errorMessage } from '../../../lib/api-client';
import { formatFullDateTime, formatRelative, isPast } from '../../../lib/format';
import { ROLE_LABELS } from '../../../lib/labels';
import { useRevokeInvitation } from '../api/revoke-invitation';

interface InvitationsTableProps {
  invitations: Invitation[];
  mayManage: boolean;
}

export function InvitationsTable({ invitations, mayManage }: InvitationsTableProps) {
  const revoke = useRevokeInvitation();
  const [toRevoke, setToRevoke] = useState<Invitation | null>(null);

  if (invitations.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="md">
        No pending invitations.
      </Text>
    );
  }

  const confirmRevoke = () => {
    if (!toRevoke) return;
    const { id, email } = toRevoke;
    revoke.mutate(id, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          title: 'Invitation revoked',
          message: `The link sent to ${email} no longer works.`,
        });
        setToRevoke(null);
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Invitation not revoked', message: errorMessage(error) }),
    });
  };

  return (
    <>
      <Table.ScrollContainer minWidth={340}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th visibleFrom="sm">Expires</Table.Th>
              {mayManage && (
                <Table.Th w={56}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {invitation.email}
                  </Text>
                  <Text size="xs" c="dimmed">
                    Invited by {invitation.invitedBy}
                  </Text>
                  {/* The Expires column does not fit on phones. */}
                  <Box hiddenFrom="sm" mt={4}>
                    <Expiry expiresAt={invitation.expiresAt} />
                  </Box>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{ROLE_LABELS[invitation.role]}</Text>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Expiry expiresAt={invitation.expiresAt} />
                </Table.Td>
                {mayManage && (
                  <Table.Td>
                    <Tooltip label={`Revoke invitation for ${invitation.email}`} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        aria-label={`Revoke invitation for ${invitation.email}`}
                        onClick={() => setToRevoke(invitation)}
                      >
                        <IconX size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={toRevoke !== null}
        onClose={() => setToRevoke(null)}
        onConfirm={confirmRevoke}
        title="Revoke invitation"
        confirmLabel="Revoke invitation"
        loading={revoke.isPending}
      >
        {toRevoke && (
          <>
            The invitation link sent to <strong>{toRevoke.email}</strong> will stop working. You can invite them again
            later.
          </>
        )}
      </ConfirmModal>
    </>
  );
}

function Expiry({ expiresAt, size = 'sm' }: { expiresAt: string; size?: 'xs' | 'sm' }) {
  if (isPast(expiresAt)) {
    return (
      <Badge variant="light" color="orange">
        Expired
      </Badge>
    );
  }
  return (
    <Text size={size} title={formatFullDateTime(expiresAt)}>
      <Text span hiddenFrom="sm" inherit>
        Expires{' '}
      </Text>
      {formatRelative(expiresAt)}
    </Text>
  );
}
