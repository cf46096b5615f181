import { Modal, NativeSelect, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Role } from '@pulse/shared/permissions';
import { Email } from '@pulse/shared/schemas/common';

import { ModalForm } from '../../../components/modal-form';
import { isApiError } from '../../../lib/api-client';
import { fieldRule, useFormSubmit } from '../../../lib/forms';
import { useInviteTeammate } from '../api/invite-teammate';
import { ROLE_DESCRIPTIONS, roleOptions } from './role-labels';

interface InviteTeammateModalProps {
  opened: boolean;
  onClose: () => void;
  actorRole: Role;
}

export function InviteTeammateModal({ opened, onClose, actorRole }: InviteTeammateModalProps) {
  const invite = useInviteTeammate();
  const form = useForm<{ email: string; role: Role }>({
    initialValues: { email: '', role: 'editor' },
    validate: { email: fieldRule(Email, 'Enter your teammate’s email address') },
  });
  const submit = useFormSubmit(
    form,
    async (values) => {
      const invitation = await invite.mutateAsync(values);
      notifications.show({
        color: 'teal',
        title: 'Invitation sent',
        message: `${invitation.email} will get an email with a link to join.`,
      });
      form.reset();
      onClose();
    },
    {
      // The server's "is already a member" is a fragment; this says what to do instead.
      explain: (error) =>
        isApiError(error, 'conflict')
          ? {
              field: 'email',
              message: 'This person is already a member: change their role in the Members list instead.',
            }
          : undefined,
    },
  );

  const close = () => {
    submit.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Invite a teammate">
      <ModalForm
        label="Invite a teammate"
        submit={submit}
        onCancel={close}
        submitLabel="Send invitation"
        submitting={invite.isPending}
      >
        <TextInput
          label="Email"
          type="email"
          autoComplete="off"
          required
          data-autofocus
          {...form.getInputProps('email')}
        />
        <NativeSelect
          label="Role"
          data={roleOptions(actorRole)}
          description={ROLE_DESCRIPTIONS[form.getValues().role]}
          {...form.getInputProps('role')}
        />
        <Text size="xs" c="dimmed">
          The invitation link works for 7 days; you can revoke it until it is used.
        </Text>
      </ModalForm>
    </Modal>
  );
}
