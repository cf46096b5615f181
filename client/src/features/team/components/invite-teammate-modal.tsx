import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Role } from '@pulse/shared/permissions';
import { Email } from '@pulse/shared/schemas/common';
import { useState } from 'react';

import { FormAlert } from '../../../components/form-alert';
import { applyServerErrors, fieldRule, focusFirstInvalid } from '../../../lib/forms';
import { useInviteTeammate } from '../api/invite-teammate';
import { ROLE_DESCRIPTIONS, roleOptions } from './role-labels';

interface InviteTeammateModalProps {
  opened: boolean;
  onClose: () => void;
  actorRole: Role;
}

export function InviteTeammateModal({ opened, onClose, actorRole }: InviteTeammateModalProps) {
  const invite = useInviteTeammate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ email: string; role: Role }>({
    initialValues: { email: '', role: 'editor' },
    validate: { email: fieldRule(Email, 'Enter your teammate’s email address') },
  });

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const handleSubmit = form.onSubmit(
    (values, event) => {
      const formElement = event?.currentTarget;
      setFormError(null);
      invite.mutate(values, {
        onSuccess: (invitation) => {
          notifications.show({
            color: 'teal',
            title: 'Invitation sent',
            message: `${invitation.email} will get an email with a link to join.`,
          });
          close();
        },
        onError: (error) => {
          setFormError(applyServerErrors(form, error));
          focusFirstInvalid(formElement);
        },
      });
    },
    (_errors, _values, event) => focusFirstInvalid(event?.currentTarget),
  );

  return (
    <Modal opened={opened} onClose={close} title="Invite a teammate">
      <form onSubmit={handleSubmit} noValidate aria-label="Invite a teammate">
        <Stack gap="md">
          <FormAlert message={formError} />
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
            The invitation link expires after a while; you can revoke it until it is used.
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
