import { ActionIcon, Badge, Group, NativeSelect, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, canAssignRole, Role } from '@pulse/shared/permissions';
import type { Member } from '@pulse/shared/schemas/members';
import { IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';

import { ConfirmModal } from '../../../components/confirm-modal';
import { errorMessage } from '../../../lib/api-client';
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
  const removeMember = useRemoveMember();
  const [memberToRemove, setMemberToRemove] = useState<Member | null>(null);
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

  const confirmRemoval = () => {
    if (!memberToRemove) return;
    const { id, name } = memberToRemove;
    removeMember.mutate(id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', title: 'Member removed', message: `${name} no longer has access.` });
        setMemberToRemove(null);
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Member not removed', message: errorMessage(error) }),
    });
  };

  return (
    <>
      <Table.ScrollContainer minWidth={340}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th w={150}>Role</Table.Th>
              <Table.Th visibleFrom="sm">Joined</Table.Th>
              {mayManage && (
                <Table.Th w={56}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => {
              const isYou = member.userId === viewer.userId;
              const pending = changeRole.isPending && changeRole.variables.memberId === member.id;
              return (
                <Table.Tr key={member.id}>
                  <Table.Td>
                    <Stack gap={0}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={500}>
                          {member.name}
                        </Text>
                        {isYou && (
                          <Badge size="xs" variant="light" color="gray">
                            You
                          </Badge>
                        )}
                      </Group>
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
                        <Tooltip label={`Remove ${member.name}`} withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="red.9"
                            aria-label={`Remove ${member.name}`}
                            onClick={() => setMemberToRemove(member)}
                          >
                            <IconUserMinus size={18} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmModal
        opened={memberToRemove !== null}
        onClose={() => setMemberToRemove(null)}
        onConfirm={confirmRemoval}
        title="Remove member"
        confirmLabel="Remove member"
        loading={removeMember.isPending}
      >
        {memberToRemove && (
          <>
            <strong>{memberToRemove.name}</strong> ({memberToRemove.email}) will lose access to this organisation
            immediately. You can invite them again later.
          </>
        )}
      </ConfirmModal>
    </>
  );
}
