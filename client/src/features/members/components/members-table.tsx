import { NativeSelect, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, canAssignRole, Role } from '@pulse/shared/permissions';
import type { Member } from '@pulse/shared/schemas/members';
import { IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';

import { ConfirmModal } from '../../../components/confirm-modal';
import { DangerAction } from '../../../components/danger-action';
import { ActionsHeader, DataTable } from '../../../components/data-table';
import { NameWithTag } from '../../../components/name-with-tag';
import { errorMessage } from '../../../lib/api-client';
import { useConfirmedMutation } from '../../../lib/confirmed-mutation';
import { formatDate, formatFullDateTime } from '../../../lib/format';
import { useChangeMemberRole } from '../api/change-member-role';
import { useRemoveMember } from '../api/remove-member';
import { ROLE_LABELS } from '../../../lib/labels';
import { roleOptions } from './role-labels';

/** The roles that manage the team and settings: a change to or from them is confirmed first. */
const POWERFUL: ReadonlySet<Role> = new Set(['owner', 'admin']);

const ROLE_MEANS: Record<Role, string> = {
  owner: 'will be able to do everything, including making and removing owners',
  admin: 'will be able to manage the team, settings and API keys',
  editor: 'will be able to edit surveys, but no longer manage the team, settings or API keys',
  viewer: 'will only be able to read, no longer change anything',
};

function RoleChangeWording({ member, role }: { member: Member; role: Role }) {
  return (
    <>
      <strong>{member.name}</strong> changes from {ROLE_LABELS[member.role].toLowerCase()} to{' '}
      <strong>{ROLE_LABELS[role].toLowerCase()}</strong> and {ROLE_MEANS[role]}.
    </>
  );
}

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

  // Owner and admin can change who has access: one slip of a select must not hand that out or take it away.
  const [roleChange, setRoleChange] = useState<{ member: Member; role: Role } | null>(null);
  const askRoleChange = (member: Member, role: Role) =>
    POWERFUL.has(role) || POWERFUL.has(member.role) ? setRoleChange({ member, role }) : applyRoleChange(member, role);

  const applyRoleChange = (member: Member, role: Role) =>
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
        onSettled: () => setRoleChange(null),
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
                  onChange={(event) => askRoleChange(member, Role.parse(event.currentTarget.value))}
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
                    <DangerAction
                      text="Remove"
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
      <ConfirmModal
        opened={roleChange !== null}
        onClose={() => setRoleChange(null)}
        onConfirm={() => roleChange && applyRoleChange(roleChange.member, roleChange.role)}
        loading={changeRole.isPending}
        title="Change role"
        confirmLabel={roleChange ? `Make ${ROLE_LABELS[roleChange.role].toLowerCase()}` : 'Change role'}
      >
        {roleChange && <RoleChangeWording {...roleChange} />}
      </ConfirmModal>
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
