import { Badge, Box, Flex, Table, Text } from '@mantine/core';
import type { Invitation } from '@pulse/shared/schemas/members';
import { IconX } from '@tabler/icons-react';

import { ConfirmModal } from '../../../components/confirm-modal';
import { DangerAction } from '../../../components/danger-action';
import { ActionsHeader, DataTable } from '../../../components/data-table';
import { useConfirmedMutation } from '../../../lib/confirmed-mutation';
import { formatFullDateTime, formatRelative, isPast } from '../../../lib/format';
import { ROLE_LABELS } from '../../../lib/labels';
import { useRevokeInvitation } from '../api/revoke-invitation';
import { InvitationActions } from './invitation-actions';

interface InvitationsTableProps {
  invitations: Invitation[];
  mayManage: boolean;
}

export function InvitationsTable({ invitations, mayManage }: InvitationsTableProps) {
  const revoke = useConfirmedMutation(useRevokeInvitation(), {
    done: ({ email }: Invitation) => ({
      title: 'Invitation revoked',
      message: `The link sent to ${email} no longer works.`,
    }),
    failedTitle: 'Invitation not revoked',
  });

  if (invitations.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="md">
        No pending invitations.
      </Text>
    );
  }

  return (
    <>
      <DataTable
        head={
          <>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th visibleFrom="sm">Expires</Table.Th>
            {mayManage && <ActionsHeader />}
          </>
        }
      >
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
                <Flex gap={4} direction={{ base: 'column', sm: 'row' }} align={{ base: 'flex-end', sm: 'center' }}>
                  <InvitationActions invitation={invitation} />
                  <DangerAction
                    text="Revoke"
                    label={`Revoke invitation for ${invitation.email}`}
                    icon={IconX}
                    onClick={() => revoke.ask(invitation)}
                  />
                </Flex>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmModal {...revoke.modal} title="Revoke invitation" confirmLabel="Revoke invitation">
        {revoke.row && (
          <>
            The invitation link sent to <strong>{revoke.row.email}</strong> will stop working. You can invite them again
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
