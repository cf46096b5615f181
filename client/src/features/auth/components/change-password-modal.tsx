import { Modal, PasswordInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Password } from '@pulse/shared/schemas/common';

import { ModalForm } from '../../../components/modal-form';
import { isApiError } from '../../../lib/api-client';
import { fieldRule, useFormSubmit } from '../../../lib/forms';
import { useChangePassword } from '../api/change-password';
import { NewPasswordInput } from './new-password-input';

interface ChangePasswordModalProps {
  opened: boolean;
  onClose: () => void;
}

export function ChangePasswordModal({ opened, onClose }: ChangePasswordModalProps) {
  const changePassword = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Enter your current password'),
      newPassword: fieldRule(Password, 'Choose a new password'),
    },
  });
  const submit = useFormSubmit(
    form,
    async (values) => {
      await changePassword.mutateAsync(values);
      notifications.show({
        color: 'teal',
        title: 'Password changed',
        message: 'Use your new password next time you log in.',
      });
      form.reset();
      onClose();
    },
    {
      explain: (error) =>
        isApiError(error, 'invalid_credentials')
          ? { field: 'currentPassword', message: 'This is not your current password' }
          : undefined,
    },
  );

  // Passwords must not linger in memory or reappear when the modal opens again.
  const close = () => {
    submit.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Change password">
      <ModalForm
        label="Change password"
        submit={submit}
        onCancel={close}
        submitLabel="Change password"
        submitting={changePassword.isPending}
      >
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          data-autofocus
          {...form.getInputProps('currentPassword')}
        />
        <NewPasswordInput label="New password" {...form.getInputProps('newPassword')} />
      </ModalForm>
    </Modal>
  );
}
