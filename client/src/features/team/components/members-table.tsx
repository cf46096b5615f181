import { NativeSelect, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, canAssignRole, Role } from '@pulse/shared/permissions';
import type { Member } from '@pulse/shared/schemas/members';
import { IconUserMinus } from '@tabler/icons-react';

import { ConfirmModal } from '../../../components/confirm-modal';
import { DangerActionIcon } from '../../../components/danger-action-icon';
import { ActionsHeader, DataTable } from '../../../components/data-table';
import { NameWithTag } from '../../../components/name-with-tag';
import { errorMessage } from '../../../lib/api-client';
import { useConfirmedMutation } from '../../../lib/confirmed-mutation';
import { formatDate, formatFullDateTime } from '../../../lib/format';
import { useChangeMemberRole } from '../api/change-member-role';
import { useRemoveMember } from '../api/remove-member';
import { ROLE_LABELS } from '../../../lib/labels';
import { roleOptions } from './role-labels';

interface MembersTableProps {
  members: Member[];
  /** The signed-in user and their role decide which controls are live. */
  viewer: { userId: string; role: Role };
}

export function MembersTable({ members, viewer }: MembersTableProps) {
  const changeRole = useChangeMemberRole();
  const removal = useConfirmedMutation(useRemoveMember(), {
    done: ({ name }: Member) => ({ title: 'Member removed', message: `${name} no longer has access.` }),
    failedTitle: 'Member not removed',
  });
  const mayManage = can(viewer.role, 'members.manage');

  // Nobody edits themselves (no locking yourself out), and only an owner touches an owner.
  const mayEdit = (member: Member) =>
    mayManage && member.userId !== viewer.userId && canAssignRole(viewer.role, member.role);

  const handleRoleChange = (member: Member, role: Role) =>
    changeRole.mutate(
      { memberId: member.id, role },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            title: 'Role changed',
            message: `${member.name} is now ${ROLE_LABELS[role].toLowerCase()}.`,
          }),
        onError: (error) =>
          notifications.show({ color: 'red', title: 'Role not changed', message: errorMessage(error) }),
      },
    );

  return (
    <>
      <DataTable
        head={
          <>
            <Table.Th>Person</Table.Th>
            <Table.Th w={150}>Role</Table.Th>
            <Table.Th visibleFrom="sm">Joined</Table.Th>
            {mayManage && <ActionsHeader />}
          </>
        }
      >
        {members.map((member) => {
          const isYou = member.userId === viewer.userId;
          const pending = changeRole.isPending && changeRole.variables.memberId === member.id;
          return (
            <Table.Tr key={member.id}>
              <Table.Td>
                <Stack gap={0}>
                  <NameWithTag name={member.name} tag={isYou ? 'You' : null} />
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {member.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  aria-label={`Role of ${member.name}`}
                  data={roleOptions(viewer.role)}
                  value={member.role}
                  disabled={!mayEdit(member) || pending}
                  onChange={(event) => handleRoleChange(member, Role.parse(event.currentTarget.value))}
                />
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm" title={formatFullDateTime(member.joinedAt)}>
                  {formatDate(member.joinedAt)}
                </Text>
              </Table.Td>
              {mayManage && (
                <Table.Td>
                  {mayEdit(member) && (
                    <DangerActionIcon
                      label={`Remove ${member.name}`}
                      icon={IconUserMinus}
                      onClick={() => removal.ask(member)}
                    />
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </DataTable>
      <ConfirmModal {...removal.modal} title="Remove member" confirmLabel="Remove member">
        {removal.row && (
          <>
            <strong>{removal.row.name}</strong> ({removal.row.email}) will lose access to this organisation immediately.
            You can invite them again later.
          </>
        )}
      </ConfirmModal>
    </>
  );
}
