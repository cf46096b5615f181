import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Password } from '@pulse/shared/schemas/common';
import { useState } from 'react';

import { FormAlert } from '../../../components/form-alert';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, fieldRule, focusFirstInvalid } from '../../../lib/forms';
import { useChangePassword } from '../api/change-password';

interface ChangePasswordModalProps {
  opened: boolean;
  onClose: () => void;
}

export function ChangePasswordModal({ opened, onClose }: ChangePasswordModalProps) {
  const changePassword = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Enter your current password'),
      newPassword: fieldRule(Password, 'Choose a new password'),
    },
  });

  // Passwords must not linger in memory or reappear when the modal opens again.
  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const handleSubmit = form.onSubmit(
    (values, event) => {
      const formElement = event?.currentTarget;
      setFormError(null);
      changePassword.mutate(values, {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            title: 'Password changed',
            message: 'Use your new password next time you log in.',
          });
          close();
        },
        onError: (error) => {
          if (isApiError(error, 'invalid_credentials'))
            form.setFieldError('currentPassword', 'This is not your current password');
          else setFormError(applyServerErrors(form, error));
          focusFirstInvalid(formElement);
        },
      });
    },
    (_errors, _values, event) => focusFirstInvalid(event?.currentTarget),
  );

  return (
    <Modal opened={opened} onClose={close} title="Change password">
      <form onSubmit={handleSubmit} noValidate aria-label="Change password">
        <Stack gap="md">
          <FormAlert message={formError} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            data-autofocus
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description={`At least ${Password.minLength ?? 10} characters`}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={changePassword.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
